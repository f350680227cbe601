/**
 * Advancing the overdue horizon (DESIGN §4.1, §5): an open rectification counts as "open and overdue"
 * at every quarter end until it is closed, so the aggregates materialize that count up to the record's
 * stored `horizon`. When a quarter begins, this moves every open record's horizon to it: one transaction
 * per record holds the aggregate deltas, the new horizon and the record's event, conditioned on the
 * item's version — so aggregates equal a rebuild from records at every moment.
 *
 * Chosen: the record's own `version` (the one clients send as `expectedVersion`) does not move — the
 * workflow state did not change — while the state item's version does (every write bumps it, which is
 * what makes a racing workflow write fail its condition and retry, never overwrite the new horizon).
 */
import { formatInstant, horizonDeltas, localDateOf, nextHorizon, rectificationFacts } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { rectificationIndex } from '../services/rectifications/index.js';
import { openRectifications, readRectification } from '../services/rectifications/read.js';
import { addAggregateUpdate } from '../store/aggregate-codec.js';
import { SYSTEM_ACTOR } from '../store/record-store.js';
import { Tx, TxCancelled } from '../store/tx.js';
import type { JobContext, JobResult } from './job.js';

export async function advanceHorizon(deps: Deps, { now }: JobContext): Promise<JobResult> {
  const scheme = await deps.scheme();
  const ctx = { tree: await deps.units.tree(), scheme };
  const at = formatInstant(now, scheme.timeZone);
  const todayLocal = localDateOf(now, scheme.timeZone);
  const counts = { scanned: 0, advanced: 0, conflicts: 0 };
  for await (const listed of openRectifications(deps)) {
    counts.scanned++;
    if (nextHorizon(listed.horizon, todayLocal) === listed.horizon) continue;
    // The index is eventually consistent: decide on the record itself.
    const cur = await readRectification(deps, listed.stored.id);
    if (!cur || cur.stored.data.state === 'closed') continue;
    const { stored, horizon } = cur;
    const current = nextHorizon(horizon, todayLocal);
    if (current === horizon) continue;
    const data = stored.data;
    const tx = new Tx(deps.tableName);
    deps.store.write(tx, {
      type: 'rectification',
      id: stored.id,
      before: stored,
      data,
      index: rectificationIndex(data, stored.unitPath ?? '', current),
      actor: SYSTEM_ACTOR,
      at,
      action: 'rectification.advanceHorizon',
      eventBefore: { horizon },
      eventAfter: { horizon: current },
    });
    for (const d of horizonDeltas(rectificationFacts(stored.data, horizon), current, ctx))
      addAggregateUpdate(tx, d);
    try {
      await tx.commit(deps.doc);
      counts.advanced++;
    } catch (e) {
      // A workflow action won the race; it moved the horizon itself (every write does), or the next
      // run will.
      if (!(e instanceof TxCancelled)) throw e;
      counts.conflicts++;
    }
  }
  return { job: 'advance-horizon', counts };
}
