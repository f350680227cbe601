/**
 * Units that move and merge (撤县设区, 撤乡并镇; DESIGN §2), with an effective date.
 *
 * 1. The units change in one transaction with the move record (state `reindexing`) and the operation
 *    log entry: each changed unit gets an event in its own chain (`unit.move` / `unit.merge`, naming the
 *    move, the day and the reason) and its dated placement (shared/units/moves.ts).
 * 2. The re-index: every state item whose `unitPath` lies under an old path of a changed unit is
 *    rewritten to the unit's new path, through `indexAttributes` (the one derivation of a record's index
 *    attributes), in pages; the move record keeps the scan's position, so a retry (the same request
 *    again) resumes where a failure stopped. Chosen: records get no event of their own — the move's events
 *    in the chains of the units involved name it, and a record's unit is found in the unit's history; the
 *    record's version is bumped, so a write racing the re-index with the old path fails its condition.
 * 3. The aggregates are brought to what a rebuild derives (quarters from the effective day score on the
 *    new tree: a village moved to another township, a merged unit's records counting for the survivor).
 *    Then the move is `done`.
 *
 * A merged unit's records keep their own unitId (their history names it); their jurisdiction becomes the
 * survivor's (the merged unit stands below it), and from the effective day they score for the survivor
 * (UnitTree.scoredUnitId) — so its open records pass to the survivor without rewriting what they say.
 */

import { createHash } from 'node:crypto';
import { planMerge, planMove, type Unit, UnitTree } from '@jiandu/shared';
import type { UnitMergeInput, UnitMove, UnitMoveInput } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { actingRole, type Principal } from '../../auth/principal.js';
import { writeOperation } from '../../sheets/oplog.js';
import { keys, type RecordType, STATE_SK } from '../../store/keys.js';
import { reindexOf } from '../../store/list-index.js';
import { type Actor, SYSTEM_ACTOR } from '../../store/record-store.js';
import { scanPage } from '../../store/table-ops.js';
import { MAX_TX_ITEMS, Tx, TxCancelled } from '../../store/tx.js';
import { rebuildAggregates } from '../integrity/rebuild.js';
import { writableUnitPath } from './jurisdiction.js';
import { unitPath } from './units.js';

/** The move record as stored: the answer's fields and the re-index's own. */
interface StoredMove extends UnitMove {
  /** Old jurisdiction paths of the changed units: items under them are re-indexed. */
  prefixes: string[];
  /** Where the scan of the re-index stopped (null: not started or finished). */
  scanKey: Record<string, unknown> | null;
  /** When the move was recorded (its place in the list of moves). */
  startedAt: string;
}

/** Items a page of the re-index reads (one Scan call); a scan page is the unit of resumption. */
const SCAN_PAGE = 500;
/** A move's units change in one transaction: a unit is two items (state, event), plus move and log. */
const MAX_UNITS = Math.floor((MAX_TX_ITEMS - 4) / 2);

const moveView = ({ prefixes: _p, scanKey: _s, startedAt: _a, ...view }: StoredMove): UnitMove => view;

/** The same request names the same move (so a retry finds it and resumes it). */
const moveIdOf = (kind: 'move' | 'merge', parts: readonly string[], on: string): string =>
  `${kind}_${on}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;

export async function moveUnit(
  deps: Deps,
  p: Principal,
  unitId: string,
  body: UnitMoveInput,
): Promise<UnitMove> {
  const id = moveIdOf('move', [unitId, body.parentId], body.effectiveOn);
  const recorded = await retried(deps, p, id);
  if (recorded) return recorded;
  await writableUnitPath(deps, p, unitId, 'id');
  await writableUnitPath(deps, p, body.parentId, 'parentId');
  const head = {
    id,
    kind: 'move',
    targetId: body.parentId,
    effectiveOn: body.effectiveOn,
    reason: body.reason,
  } as const;
  return start(deps, p, head, (tree) => planMove(tree, unitId, body.parentId, body.effectiveOn));
}

export async function mergeUnits(deps: Deps, p: Principal, body: UnitMergeInput): Promise<UnitMove> {
  const id = moveIdOf('merge', [body.targetId, ...[...body.sourceIds].sort()], body.effectiveOn);
  const recorded = await retried(deps, p, id);
  if (recorded) return recorded;
  for (const [i, u] of body.sourceIds.entries()) await writableUnitPath(deps, p, u, `sourceIds/${i}`);
  await writableUnitPath(deps, p, body.targetId, 'targetId');
  const head = {
    id,
    kind: 'merge',
    targetId: body.targetId,
    effectiveOn: body.effectiveOn,
    reason: body.reason,
  } as const;
  return start(deps, p, head, (tree) => planMerge(tree, body.sourceIds, body.targetId, body.effectiveOn));
}

/** A move already recorded (the same request again: a retry) is resumed to its end and answered. */
async function retried(deps: Deps, p: Principal, id: string): Promise<UnitMove | null> {
  actingRole(p, 'unit.manage');
  deps.units.invalidate();
  const existing = await deps.store.get<StoredMove>('unitmove', id);
  return existing ? moveView(await resume(deps, existing.data)) : null;
}

type Head = Pick<StoredMove, 'id' | 'kind' | 'targetId' | 'effectiveOn' | 'reason'>;

async function start(
  deps: Deps,
  p: Principal,
  head: Head,
  plan: (tree: UnitTree<Unit>) => Unit[],
): Promise<UnitMove> {
  const tree = await deps.units.tree();
  const changed = plan(tree);
  const field = head.kind === 'move' ? 'parentId' : 'sourceIds';
  if (changed.length === 0)
    throw new EdgeError('request.invalid', 'the unit already stands there: nothing to change', { field });
  if (changed.length > MAX_UNITS)
    throw new EdgeError('request.invalid', `a move changes at most ${MAX_UNITS} units at once`, { field });
  const next = new UnitTree([...tree.byId.values()].map((u) => changed.find((c) => c.id === u.id) ?? u));
  const at = await nowIso(deps);
  const role = actingRole(p, 'unit.manage');
  const actor: Actor = { id: p.id, role };
  const move: StoredMove = {
    ...head,
    unitIds: changed.map((u) => u.id),
    state: 'reindexing',
    reindexed: 0,
    prefixes: changed.map((u) => unitPath(tree, u.id)),
    scanKey: null,
    startedAt: at,
  };
  const stored = await deps.store.getMany<Unit>(
    'unit',
    changed.map((u) => u.id),
  );
  const tx = new Tx(deps.tableName);
  for (const u of changed) {
    const before = stored.get(u.id);
    if (!before) throw new EdgeError('unit.notFound', `unknown unit ${u.id}`, { field });
    deps.store.write(tx, {
      type: 'unit',
      id: u.id,
      before,
      data: u,
      index: { unitPath: unitPath(next, u.id), listSort: u.code },
      actor,
      at,
      action: head.kind === 'move' ? 'unit.move' : 'unit.merge',
      reason: `${head.reason} (${head.id}, ${head.effectiveOn})`,
    });
  }
  deps.store.write(tx, {
    type: 'unitmove',
    id: head.id,
    before: null,
    data: move,
    index: { unitPath: unitPath(next, head.targetId), listSort: at },
    actor,
    at,
    action: `unitmove.${head.kind}`,
    reason: head.reason,
  });
  await writeOperation(deps, tx, p, role, {
    at,
    action: head.kind === 'move' ? 'unit-move' : 'unit-merge',
    target: 'unit',
    filter: { units: move.unitIds.join(','), target: head.targetId, effectiveOn: head.effectiveOn },
    reason: head.reason,
    rows: changed.length,
    outcome: 'complete',
    scopeUnitId: head.targetId,
  });
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    // The same move started concurrently (its record exists): resume that one. A unit changed meanwhile:
    // the caller retries.
    if (!(e instanceof TxCancelled)) throw e;
    const again = await deps.store.get<StoredMove>('unitmove', head.id);
    if (!again) throw e;
    return moveView(await resume(deps, again.data));
  } finally {
    deps.units.invalidate();
  }
  return moveView(await resume(deps, move));
}

/**
 * Re-indexes the records under the move's old paths, page by page from where it stopped, then brings the
 * aggregates to what a rebuild derives and marks the move done. Safe to run again at any point.
 */
export async function resume(deps: Deps, move: StoredMove): Promise<StoredMove> {
  let cur = move;
  if (cur.state === 'done') return cur;
  deps.units.invalidate();
  const { paths } = await deps.units.treeAndPaths();
  do {
    const names: Record<string, string> = { '#up': 'unitPath', '#sk': 'sk' };
    const values: Record<string, unknown> = { ':a': STATE_SK };
    const ors = cur.prefixes.map((prefix, i) => {
      values[`:p${i}`] = prefix;
      return `begins_with(#up, :p${i})`;
    });
    const r = await scanPage(deps, {
      filter: `#sk = :a AND (${ors.join(' OR ')})`,
      names,
      values,
      limit: SCAN_PAGE,
      start: cur.scanKey,
    });
    let done = 0;
    for (const item of r.items) done += await reindex(deps, cur, item, paths);
    const next: StoredMove = {
      ...cur,
      reindexed: cur.reindexed + done,
      scanKey: r.next,
    };
    if (next.scanKey === null) {
      // Every record follows: the aggregates of the quarters the move touched are made what a rebuild
      // derives (as deltas, so a write racing this still adds up), then the move is done.
      await rebuildAggregates(deps, { fix: true });
      next.state = 'done';
    }
    cur = await saveProgress(deps, cur, next);
  } while (cur.state !== 'done');
  return cur;
}

/** The move record's next state, written with an event (so its progress is in its chain too). */
async function saveProgress(deps: Deps, before: StoredMove, next: StoredMove): Promise<StoredMove> {
  const stored = await deps.store.get<StoredMove>('unitmove', before.id);
  if (!stored) throw new Error(`move ${before.id} vanished`);
  if (stored.data.state === 'done') return stored.data; // another run finished it
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'unitmove',
    id: before.id,
    before: stored,
    data: next,
    index: { unitPath: stored.unitPath, listSort: stored.data.startedAt },
    actor: SYSTEM_ACTOR,
    at: await nowIso(deps),
    action: next.state === 'done' ? 'unitmove.done' : 'unitmove.progress',
  });
  try {
    await tx.commit(deps.doc);
    return next;
  } catch (e) {
    if (!(e instanceof TxCancelled)) throw e;
    return (await deps.store.get<StoredMove>('unitmove', before.id))!.data; // a concurrent run moved on
  }
}

/** The unit a jurisdiction path ends at: "/city/ds/ds-a/" → "ds-a". */
const lastUnitOf = (path: string): string => path.split('/').filter(Boolean).at(-1) ?? '';

/**
 * One record's state item under its new path (its index attributes re-derived by `reindexOf`),
 * conditioned on the version read; a write that raced it is read again and re-indexed. Answers 1 when
 * the item was rewritten here, 0 when it already followed.
 */
async function reindex(
  deps: Deps,
  move: StoredMove,
  first: Record<string, unknown>,
  paths: ReadonlyMap<string, string>,
): Promise<number> {
  let item: Record<string, unknown> | null = first;
  for (let attempt = 0; attempt < 5 && item; attempt++) {
    const path = String(item.unitPath ?? '');
    if (!move.prefixes.some((pre) => path.startsWith(pre))) return 0;
    const to = paths.get(lastUnitOf(path));
    if (!to || to === path) return 0;
    const type = item.type as RecordType;
    const id = String(item.id);
    const version = Number(item.version);
    const tx = new Tx(deps.tableName);
    // The item under its new path, every list index attribute re-derived from it (list-index.ts): the
    // jurisdiction partitions of the new ancestors set, those of levels the new path no longer has removed.
    const moved: Record<string, unknown> = { ...item, unitPath: to, version: version + 1 };
    const change = reindexOf(moved);
    for (const name of change?.remove ?? []) delete moved[name];
    // A matter the sweeps look after is due for them at once: its go-live may come from its new ancestors.
    const wake = typeof moved.jwpk === 'string' ? keys.wake(type, id, 0) : {};
    tx.putVersioned('record', { ...moved, ...change?.set, ...wake }, version);
    try {
      await tx.commit(deps.doc);
      return 1;
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e;
      item = await deps.store.getItem(type, id);
    }
  }
  if (item) throw new Error(`could not re-index ${String(item.pk)}: it keeps changing`);
  return 0;
}
