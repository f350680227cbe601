/**
 * Units that move and merge (DESIGN §2): what an administrator's move (撤县设区, a township to another
 * county) or merge (撤乡并镇) does to the units, as data — pure, so the API, a retry and the tests agree.
 *
 * A move puts the unit under a new parent from `on`: its earlier placement goes into `history`
 * ({parentId, from, to}), so the tree as it stood on any day is still known (UnitTree's dated methods).
 *
 * A merge of sources into a target (A and B into C, or B into A) is, for each source, a move under the
 * target with `mergedInto` set — the source ceases on `on` and stays in the directory as a leaf below the
 * target, so its records (kept with their own unitId) fall in the target's jurisdiction — and a move of
 * each of its children under the target. Chosen: the merged unit is not deleted, because its history,
 * its records and the posts held there (accountability of past quarters) still name it.
 */
import { DomainError } from '../errors/index.js';
import type { Unit } from '../schemas/org.js';
import type { UnitTree } from './unit-tree.js';

type Placed = Pick<Unit, 'id' | 'parentId' | 'history' | 'mergedInto' | 'establishedOn'>;

/** The day the unit's current placement took effect (null: since it was established). */
export const placedSince = (u: Pick<Unit, 'history'>): string | null => u.history?.at(-1)?.to ?? null;

/** The unit under `parentId` from `on`, its current placement closed in its history. */
export function movedUnit<U extends Placed>(u: U, parentId: string, on: string): U {
  return {
    ...u,
    parentId,
    history: [...(u.history ?? []), { parentId: u.parentId, from: placedSince(u), to: on }],
  };
}

function checkDay(u: Placed, on: string, field: string): void {
  if (u.establishedOn !== undefined && on < u.establishedOn)
    throw new DomainError('unit.moveBeforeEstablished', `${u.id} was established on ${u.establishedOn}`, {
      field,
    });
  const since = placedSince(u);
  if (since !== null && on < since)
    throw new DomainError('unit.moveBeforeLast', `${u.id} last moved on ${since}`, { field });
}

function standing<U extends Unit>(tree: UnitTree<U>, id: string, field: string): U {
  const u = tree.byId.get(id);
  if (!u) throw new DomainError('unit.notFound', `unknown unit ${id}`, { field });
  if (u.mergedInto !== undefined)
    throw new DomainError('unit.merged', `${id} was merged into ${u.mergedInto.unitId}`, { field });
  return u;
}

/**
 * The units a move changes (none when it is already in effect: a retry), or a DomainError naming the
 * field: an unknown or merged unit or parent, a parent in the unit's own subtree (a cycle), a day before
 * the unit or the parent was established or before the unit's last move.
 */
export function planMove<U extends Unit>(
  tree: UnitTree<U>,
  unitId: string,
  parentId: string,
  on: string,
): U[] {
  const u = standing(tree, unitId, 'unitId');
  const parent = standing(tree, parentId, 'parentId');
  if (u.parentId === parentId) return []; // already there: a retry, or nothing to do
  if (tree.isWithin(parentId, unitId))
    throw new DomainError('unit.moveIntoSubtree', `${parentId} lies in the subtree of ${unitId}`, {
      field: 'parentId',
    });
  checkDay(u, on, 'effectiveOn');
  if (parent.establishedOn !== undefined && on < parent.establishedOn)
    throw new DomainError(
      'unit.moveBeforeEstablished',
      `${parentId} was established on ${parent.establishedOn}`,
      {
        field: 'effectiveOn',
      },
    );
  return [movedUnit(u, parentId, on)];
}

/**
 * The units a merge changes: each source under the target with `mergedInto`, each source's children
 * under the target. Already merged sources (into this target on this day) are skipped: a retry plans
 * nothing. Errors as planMove, with `sourceIds/<i>` as field, and a source that is the target or lies
 * above it (merging a unit into its own descendant) is unit.moveIntoSubtree.
 */
export function planMerge<U extends Unit>(
  tree: UnitTree<U>,
  sourceIds: readonly string[],
  targetId: string,
  on: string,
): U[] {
  const target = standing(tree, targetId, 'targetId');
  if (target.establishedOn !== undefined && on < target.establishedOn)
    throw new DomainError(
      'unit.moveBeforeEstablished',
      `${targetId} was established on ${target.establishedOn}`,
      {
        field: 'effectiveOn',
      },
    );
  const out: U[] = [];
  const sources = new Set(sourceIds);
  sourceIds.forEach((id, i) => {
    const field = `sourceIds/${i}`;
    const already = tree.byId.get(id);
    if (already?.mergedInto?.unitId === targetId && already.mergedInto.on === on) return; // a retry
    const s = standing(tree, id, field);
    if (tree.isWithin(targetId, id))
      throw new DomainError('unit.moveIntoSubtree', `${targetId} is ${id} or lies below it`, { field });
    checkDay(s, on, field);
    const moved = s.parentId === targetId ? s : movedUnit(s, targetId, on);
    out.push({ ...moved, mergedInto: { unitId: targetId, on } });
    for (const child of tree.childrenOf(id)) {
      if (sources.has(child.id) || child.mergedInto !== undefined) continue;
      checkDay(child, on, field);
      out.push(movedUnit(child, targetId, on));
    }
  });
  return out;
}
