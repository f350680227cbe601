import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAggregate } from '../aggregates/aggregate.js';
import { DomainError } from '../errors/index.js';
import { rankingSchema, type ScoreBreakdown } from '../schemas/ranking.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { scoreUnit } from '../scoring/score.js';
import { rankGroup } from './rank.js';

const group = { ruleId: 'county-townships', parentUnitId: 'county-1' };
const scoreOf = (unitId: string, total: number): ScoreBreakdown => ({
  ...scoreUnit(emptyAggregate(unitId, '2025Q1'), DEFAULT_SCHEME),
  total,
});
/** Units u1, u2, … with the given totals (points, not hundredths, for readability). */
const scores = (totals: number[]) => totals.map((t, i) => scoreOf(`u${i + 1}`, t * 100));
const rank = (s: ScoreBreakdown[], scheme = DEFAULT_SCHEME) =>
  rankGroup({ quarter: '2025Q1', group, scores: s, scheme });
const view = (s: ScoreBreakdown[]) =>
  rank(s).rows.map((r) => ({ unitId: r.unitId, rank: r.rank, carded: r.carded }));

describe('rankGroup', () => {
  it('shares a rank between equal scores and cards only the last (90, 80, 80, 70)', () => {
    expect(view(scores([90, 80, 80, 70]))).toEqual([
      { unitId: 'u1', rank: 1, carded: false },
      { unitId: 'u2', rank: 2, carded: false },
      { unitId: 'u3', rank: 2, carded: false },
      { unitId: 'u4', rank: 4, carded: true },
    ]);
    expect(rank(scores([90, 80, 80, 70])).noCardReason).toBeNull();
  });

  it('cards every unit tied at the bottom (90, 70, 70)', () => {
    expect(view(scores([70, 90, 70]))).toEqual([
      { unitId: 'u2', rank: 1, carded: false },
      { unitId: 'u1', rank: 2, carded: true },
      { unitId: 'u3', rank: 2, carded: true },
    ]);
  });

  it('gives no card when all units are tied', () => {
    const r = rank(scores([80, 80, 80, 80]));
    expect(r.rows.map((row) => row.rank)).toEqual([1, 1, 1, 1]);
    expect(r.rows.some((row) => row.carded)).toBe(false);
    expect(r.noCardReason).toBe('allTied');
  });

  it('gives no card in a group of fewer than 3 units', () => {
    const r = rank(scores([90, 60]));
    expect(r.rows.map((row) => [row.rank, row.carded])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(r.noCardReason).toBe('groupTooSmall');
    expect(rank(scores([60, 60])).noCardReason).toBe('groupTooSmall');
    expect(rank([]).noCardReason).toBe('groupTooSmall');
  });

  it('cards the last of a group of exactly 3 units', () => {
    const r = rank(scores([90, 80, 70]));
    expect(r.noCardReason).toBeNull();
    expect(r.rows.filter((row) => row.carded).map((row) => row.unitId)).toEqual(['u3']);
  });

  it('takes the minimum group size from the scheme', () => {
    const scheme = { ...DEFAULT_SCHEME, cards: { ...DEFAULT_SCHEME.cards, minGroupSize: 1 } };
    expect(rank(scores([90, 60]), scheme).rows.map((row) => row.carded)).toEqual([false, true]);
    expect(rank(scores([90]), scheme).noCardReason).toBe('allTied');
    expect(
      rank(scores([90, 80, 70]), { ...DEFAULT_SCHEME, cards: { ...DEFAULT_SCHEME.cards, minGroupSize: 4 } })
        .noCardReason,
    ).toBe('groupTooSmall');
  });

  it('ranks a unit with no records from the score of its empty aggregate', () => {
    const empty = scoreUnit(emptyAggregate('quiet', '2025Q1'), DEFAULT_SCHEME);
    const r = rank([empty, scoreOf('a', 9000), scoreOf('b', 8000)]);
    expect(r.rows.map((row) => [row.unitId, row.rank, row.carded])).toEqual([
      ['quiet', 1, false],
      ['a', 2, false],
      ['b', 3, true],
    ]);
  });

  it('produces a ranking of the published shape, with the scheme and quarter it came from', () => {
    const r = rankGroup({
      quarter: { year: 2025, quarter: 4 },
      group,
      scores: scores([90, 80, 70]),
      scheme: DEFAULT_SCHEME,
    });
    expect(rankingSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({ quarter: '2025Q4', group, schemeId: 'poverty-alleviation', schemeVersion: 1 });
  });

  it('refuses a unit scored twice', () => {
    const err = (() => {
      try {
        rank([scoreOf('a', 1), scoreOf('a', 2)]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('ranking.duplicateUnit');
  });
});

const groupArb = fc
  .uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 0, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(...ids.map((id) => fc.integer({ min: 0, max: 20 }).map((t) => scoreOf(id, t * 500)))),
  );

describe('rankGroup properties', () => {
  it('gives the same ranking whatever the order of the scores', () => {
    fc.assert(
      fc.property(
        groupArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([s, shuffled]) => {
          expect(rank(shuffled)).toEqual(rank(s));
        },
      ),
    );
  });

  it('makes rank agree with score: rank = 1 + the number of strictly higher scores', () => {
    fc.assert(
      fc.property(groupArb, (s) => {
        const rows = rank(s).rows;
        for (const a of rows) {
          expect(a.rank).toBe(1 + rows.filter((b) => b.score.total > a.score.total).length);
          for (const b of rows) {
            if (a.score.total > b.score.total) expect(a.rank).toBeLessThan(b.rank);
            if (a.score.total === b.score.total) expect(a.rank).toBe(b.rank);
          }
        }
      }),
    );
  });

  it('cards exactly the units of the lowest score, unless the group is small or all tied', () => {
    fc.assert(
      fc.property(groupArb, (s) => {
        const r = rank(s);
        const totals = s.map((x) => x.total);
        const min = Math.min(...totals);
        const expectReason = s.length < 3 ? 'groupTooSmall' : new Set(totals).size === 1 ? 'allTied' : null;
        expect(r.noCardReason).toBe(expectReason);
        for (const row of r.rows) expect(row.carded).toBe(expectReason === null && row.score.total === min);
      }),
    );
  });
});
