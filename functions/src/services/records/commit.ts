/**
 * Committing record changes with their aggregates in one transaction (DESIGN §5). Many records of one
 * batch that hit the same aggregate are folded into one update, so no transaction updates an item twice.
 */
import { changeDeltas, type RecordChange } from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';
import { addAggregateUpdate } from '../../store/aggregate-codec.js';
import { MAX_TX_ITEMS, Tx, TxCancelled } from '../../store/tx.js';

/** One record write of a batch: the items it puts and the aggregate changes it makes. */
export interface ItemWrite<R> {
  /** Adds this item's puts to the transaction (labels must start with its own prefix). */
  write: (tx: Tx, prefix: string) => void;
  /** Number of transaction items `write` adds. */
  size: number;
  changes: RecordChange[];
  /** What the caller gets back when it commits. */
  result: R;
}

async function contributionContext(deps: Deps) {
  return { tree: await deps.units.tree(), scheme: await deps.scheme() };
}

/** Commits one change set (records, events, markers) with its folded aggregate updates. */
export async function commitOne(deps: Deps, tx: Tx, changes: RecordChange[]): Promise<void> {
  const ctx = await contributionContext(deps);
  for (const d of changeDeltas(changes, ctx)) addAggregateUpdate(tx, d);
  await tx.commit(deps.doc);
}

export type BatchOutcome<R> = { ok: true; result: R } | { ok: false; failedLabels: string[] };

/**
 * Commits many item writes packed into as few transactions as fit. When a transaction is cancelled by
 * an item's condition (a natural key or idempotency marker that exists: a duplicate), that item is
 * reported with the labels that failed and the others are retried without it.
 */
export async function commitBatch<R>(deps: Deps, items: ItemWrite<R>[]): Promise<BatchOutcome<R>[]> {
  const ctx = await contributionContext(deps);
  const outcomes: (BatchOutcome<R> | undefined)[] = new Array(items.length);
  let pending = items.map((_, i) => i);
  while (pending.length > 0) {
    // Pack greedily: item sizes plus the distinct aggregates of the pack must fit in one transaction.
    const pack: number[] = [];
    let itemsSize = 0;
    for (const i of pending) {
      const it = items[i]!;
      const trial = [...pack, i];
      const aggCount = changeDeltas(
        trial.flatMap((j) => items[j]!.changes),
        ctx,
      ).length;
      if (pack.length > 0 && itemsSize + it.size + aggCount > MAX_TX_ITEMS) break;
      pack.push(i);
      itemsSize += it.size;
    }
    const tx = new Tx(deps.tableName);
    for (const i of pack) items[i]!.write(tx, `i${i}:`);
    for (const d of changeDeltas(
      pack.flatMap((i) => items[i]!.changes),
      ctx,
    ))
      addAggregateUpdate(tx, d);
    try {
      await tx.commit(deps.doc);
      for (const i of pack) outcomes[i] = { ok: true, result: items[i]!.result };
      pending = pending.filter((i) => !pack.includes(i));
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e;
      const failed = e.failedLabels();
      const culprits = pack.filter((i) => failed.some((l) => l.startsWith(`i${i}:`)));
      if (culprits.length === 0) throw e; // an aggregate or a race: let the caller retry the request
      for (const i of culprits) {
        outcomes[i] = {
          ok: false,
          failedLabels: failed.filter((l) => l.startsWith(`i${i}:`)).map((l) => l.slice(`i${i}:`.length)),
        };
      }
      pending = pending.filter((i) => !culprits.includes(i));
    }
  }
  return outcomes as BatchOutcome<R>[];
}
