/**
 * 领导: who is behind (issue 17 item 8). Per visible peer group of the running quarter's draft: its
 * last-ranked units — or, like the ranking page, no one when the group is all tied or too small (本组全部
 * 并列，不发预黄牌) — and a comparison of the caller's direct subordinate units: draft score and rank,
 * open and overdue rectifications and their lights (from the one read of open work).
 */
import type { Unit, UnitTree } from '@jiandu/shared';
import type { BehindGroup, DraftResponse, HomeResponse, UnitComparison } from '@jiandu/shared/api';
import { type OpenRow, tally } from './open-work.js';

/** Groups shown on the home page at most (the ranking page lists them all). */
export const HOME_BEHIND_GROUPS = 12;

export function behindGroups(draft: DraftResponse): BehindGroup[] {
  return draft.groups.slice(0, HOME_BEHIND_GROUPS).map(({ groupKey, ranking }) => ({
    groupKey,
    ruleId: ranking.group.ruleId,
    parentUnitId: ranking.group.parentUnitId,
    size: ranking.rows.length,
    noCardReason: ranking.noCardReason,
    // The units a card would go to: the last rank, and only where the group gives cards at all.
    last:
      ranking.noCardReason === null
        ? ranking.rows.filter((r) => r.carded).map((r) => ({ unitId: r.unitId, total: r.score.total }))
        : [],
  }));
}

export function compareSubordinates(
  tree: UnitTree<Unit>,
  homeUnitId: string,
  draft: DraftResponse,
  open: readonly OpenRow[],
): UnitComparison[] {
  const rowOf = new Map<string, { total: number; rank: number; size: number }>();
  for (const g of draft.groups)
    for (const r of g.ranking.rows)
      rowOf.set(r.unitId, { total: r.score.total, rank: r.rank, size: g.ranking.rows.length });
  return tree.childrenOf(homeUnitId).map((u) => {
    const mine = open.filter((o) => o.unitPath.includes(`/${u.id}/`));
    const t = tally(mine);
    const r = rowOf.get(u.id);
    return {
      unitId: u.id,
      total: r?.total ?? null,
      rank: r?.rank ?? null,
      groupSize: r?.size ?? null,
      open: t.open,
      overdue: t.overdue,
      lights: t.lights,
    };
  });
}

/**
 * The caller's own place: their home unit's row in the draft, or (a village is not ranked) its parent's —
 * as the home page always showed it.
 */
export function ownRank(
  tree: UnitTree<Unit>,
  homeUnitId: string,
  draft: DraftResponse,
): HomeResponse['rank'] {
  const parent = tree.has(homeUnitId) ? tree.get(homeUnitId).parentId : null;
  for (const id of [homeUnitId, parent]) {
    for (const g of draft.groups) {
      const row = g.ranking.rows.find((r) => r.unitId === id);
      if (row)
        return {
          unitId: row.unitId,
          groupKey: g.groupKey,
          rank: row.rank,
          size: g.ranking.rows.length,
          total: row.score.total,
        };
    }
  }
  return null;
}
