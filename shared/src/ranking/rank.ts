/**
 * Ranking and pre-yellow cards, DESIGN §4.2: rank by score descending, equal scores share a rank
 * (competition ranking 1, 2, 2, 4); every unit holding the group's last rank is carded — ties at the
 * bottom all are — unless the group has fewer than `cards.minGroupSize` units or all its units are tied.
 * Units with no records are ranked too: callers pass the score of an empty aggregate.
 */
import { parseQuarter, type Quarter, type QuarterKey, quarterKey } from '../calendar/quarter.js';
import { DomainError } from '../errors/index.js';
import type { PeerGroupRef, Ranking, RankingRow, ScoreBreakdown } from '../schemas/ranking.js';
import type { Scheme } from '../scheme/scheme.js';

export interface RankGroupInput {
  quarter: Quarter | QuarterKey;
  group: PeerGroupRef;
  /** One score per member of the group. */
  scores: readonly ScoreBreakdown[];
  scheme: Pick<Scheme, 'id' | 'version' | 'cards'>;
}

const byUnitId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function rankGroup({ quarter, group, scores, scheme }: RankGroupInput): Ranking {
  const key = typeof quarter === 'string' ? quarterKey(parseQuarter(quarter)) : quarterKey(quarter);
  const seen = new Set<string>();
  for (const s of scores) {
    if (seen.has(s.unitId))
      throw new DomainError('ranking.duplicateUnit', `unit ${s.unitId} is scored twice`, {
        field: 'scores',
        details: { unitId: s.unitId },
      });
    seen.add(s.unitId);
  }
  // Total descending, then unit id: the input order never shows in the output.
  const sorted = [...scores].sort((a, b) => b.total - a.total || byUnitId(a.unitId, b.unitId));
  // Competition ranking: rank = 1 + number of units with a strictly higher total.
  const ranks: number[] = [];
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    ranks.push(prev !== undefined && prev.total === s.total ? (ranks[i - 1] ?? 1) : i + 1);
  });
  const lastRank = ranks.at(-1) ?? 1;
  // Chosen: a group below the minimum size reports 'groupTooSmall' even when its units are also tied
  // (the size rule is stated first in DESIGN §4.2); an empty group is too small. A lone unit in a group
  // whose minimum is 1 is "all tied" (it holds both the first and the last rank), so it gets no card.
  const noCardReason =
    sorted.length < scheme.cards.minGroupSize ? 'groupTooSmall' : lastRank === 1 ? 'allTied' : null;
  const rows: RankingRow[] = sorted.map((score, i) => {
    const rank = ranks[i] ?? 1;
    return { unitId: score.unitId, rank, score, carded: noCardReason === null && rank === lastRank };
  });
  return { quarter: key, group, schemeId: scheme.id, schemeVersion: scheme.version, rows, noCardReason };
}
