import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAggregate, type UnitQuarterAggregate } from '../aggregates/aggregate.js';
import { DomainError } from '../errors/index.js';
import { rankGroup } from '../ranking/rank.js';
import { type Ranking, rankingSnapshotSchema } from '../schemas/ranking.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { scoreUnit } from '../scoring/score.js';
import { type BuildSnapshotInput, buildSnapshot, cardsFromSnapshot, verifySnapshot } from './snapshot.js';

const group = { ruleId: 'county-townships', parentUnitId: 'county-1' };
const aggregate = (unitId: string, general: number): UnitQuarterAggregate => ({
  ...emptyAggregate(unitId, '2025Q1'),
  findings: { general, serious: 0, grave: 0 },
});
const inputs = [aggregate('t-a', 0), aggregate('t-b', 2), aggregate('t-c', 5)];
const rankingOf = (aggs: UnitQuarterAggregate[], quarter = '2025Q1', g = group): Ranking =>
  rankGroup({
    quarter,
    group: g,
    scores: aggs.map((a) => scoreUnit(a, DEFAULT_SCHEME)),
    scheme: DEFAULT_SCHEME,
  });

const build = (over: Partial<BuildSnapshotInput> = {}) =>
  buildSnapshot({
    id: 'snap-1',
    ranking: rankingOf(inputs),
    inputs,
    publishedAt: '2025-04-10T09:00:00+08:00',
    publishedBy: 'user-1',
    ...over,
  });

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
};

describe('buildSnapshot', () => {
  it('freezes the ranking and its inputs with a content hash that verifies', () => {
    const s = build();
    expect(rankingSnapshotSchema.parse(s)).toEqual(s);
    expect(s).toMatchObject({ id: 'snap-1', quarter: '2025Q1', group, supersedes: null, reason: null });
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySnapshot(s)).toBe(true);
  });

  it('stores its own copy, so later changes to the inputs do not reach it', () => {
    const mutable = inputs.map((i) => ({ ...i, findings: { ...i.findings } }));
    const s = build({ inputs: mutable });
    (mutable[0] as UnitQuarterAggregate).findings.general = 99;
    expect(verifySnapshot(s)).toBe(true);
    expect(s.inputs[0]).toMatchObject({ unitId: 't-a', findings: { general: 0 } });
  });

  it('fails verification once anything hashed is changed', () => {
    const s = build();
    const rows = s.ranking.rows.map((r, i) => (i === 0 ? { ...r, carded: !r.carded } : r));
    expect(verifySnapshot({ ...s, ranking: { ...s.ranking, rows } })).toBe(false);
    expect(verifySnapshot({ ...s, inputs: s.inputs.slice(1) })).toBe(false);
    expect(verifySnapshot({ ...s, reason: 'edited' })).toBe(false);
    expect(verifySnapshot({ ...s, quarter: '2025Q2' })).toBe(false);
    expect(verifySnapshot({ ...s, group: { ...group, parentUnitId: 'county-2' } })).toBe(false);
  });

  it('keeps the same hash when only who published and when change', () => {
    const a = build();
    const b = build({ id: 'snap-2', publishedAt: '2025-04-11T09:00:00+08:00', publishedBy: 'user-2' });
    expect(b.contentHash).toBe(a.contentHash);
  });

  it('makes an amendment name the snapshot it supersedes and why', () => {
    const original = build();
    const amended = build({ id: 'snap-2', supersedes: original, reason: '  复核更正 t-b 的发现  ' });
    expect(amended).toMatchObject({ supersedes: 'snap-1', reason: '复核更正 t-b 的发现' });
    expect(amended.contentHash).not.toBe(original.contentHash);
    expect(verifySnapshot(amended)).toBe(true);
  });

  it('refuses an amendment without a reason', () => {
    const original = build();
    expect(codeOf(() => build({ id: 'snap-2', supersedes: original }))).toBe('ranking.reasonRequired');
    expect(codeOf(() => build({ id: 'snap-2', supersedes: original, reason: '   ' }))).toBe(
      'ranking.reasonRequired',
    );
  });

  it('refuses an amendment that does not name a snapshot of its own quarter and group', () => {
    const original = build();
    expect(codeOf(() => build({ reason: 'fix' }))).toBe('ranking.supersedesMissing');
    const otherQuarter = build({ ranking: rankingOf(inputs, '2025Q2') });
    expect(codeOf(() => build({ id: 'snap-2', supersedes: otherQuarter, reason: 'fix' }))).toBe(
      'ranking.supersedesMissing',
    );
    const otherGroup = build({
      ranking: rankingOf(inputs, '2025Q1', { ...group, ruleId: 'county-departments' }),
    });
    expect(codeOf(() => build({ id: 'snap-2', supersedes: otherGroup, reason: 'fix' }))).toBe(
      'ranking.supersedesMissing',
    );
    expect(codeOf(() => build({ supersedes: original, reason: 'fix' }))).toBe('ranking.supersedesMissing');
  });
});

describe('cardsFromSnapshot', () => {
  it('issues one card per carded row, tied to the snapshot', () => {
    const tied = [aggregate('t-a', 0), aggregate('t-b', 5), aggregate('t-c', 5)];
    const s = build({ ranking: rankingOf(tied), inputs: tied });
    expect(cardsFromSnapshot(s, (u) => `card-${u}`, '2025-04-10T09:00:00+08:00')).toEqual([
      {
        id: 'card-t-b',
        unitId: 't-b',
        quarter: '2025Q1',
        snapshotId: 'snap-1',
        group,
        issuedAt: '2025-04-10T09:00:00+08:00',
      },
      {
        id: 'card-t-c',
        unitId: 't-c',
        quarter: '2025Q1',
        snapshotId: 'snap-1',
        group,
        issuedAt: '2025-04-10T09:00:00+08:00',
      },
    ]);
  });

  it('issues no card from a ranking without one', () => {
    const s = build({ ranking: rankingOf(inputs.slice(0, 2)), inputs: inputs.slice(0, 2) });
    expect(cardsFromSnapshot(s, (u) => u, '2025-04-10T09:00:00+08:00')).toEqual([]);
  });
});

const aggregateArb = fc.record({
  unitId: fc.stringMatching(/^[a-z]{1,4}$/),
  general: fc.nat({ max: 20 }),
  received: fc.nat({ max: 20 }),
});
const inputsArb = fc
  .uniqueArray(aggregateArb, { selector: (a) => a.unitId, minLength: 1, maxLength: 8 })
  .map((xs) =>
    xs.map((x) => ({
      ...aggregate(x.unitId, x.general),
      petitions: { received: x.received, repeated: 0, escalated: 0 },
    })),
  );

describe('snapshot hash properties', () => {
  it('does not depend on the order of the inputs', () => {
    fc.assert(
      fc.property(
        inputsArb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([xs, shuffled]) => {
          const ranking = rankingOf(xs);
          expect(build({ ranking, inputs: shuffled }).contentHash).toBe(
            build({ ranking, inputs: xs }).contentHash,
          );
        },
      ),
    );
  });

  it('changes when any input row changes', () => {
    fc.assert(
      fc.property(inputsArb, fc.nat(), fc.constantFrom('general', 'received', 'rectDue'), (xs, at, field) => {
        const ranking = rankingOf(xs);
        const i = at % xs.length;
        const changed = xs.map((x, j) => {
          if (j !== i) return x;
          if (field === 'general')
            return { ...x, findings: { ...x.findings, general: x.findings.general + 1 } };
          if (field === 'received')
            return { ...x, petitions: { ...x.petitions, received: x.petitions.received + 1 } };
          return { ...x, rectDue: x.rectDue + 1 };
        });
        expect(build({ ranking, inputs: changed }).contentHash).not.toBe(
          build({ ranking, inputs: xs }).contentHash,
        );
      }),
    );
  });

  it('changes when any ranking row changes', () => {
    fc.assert(
      fc.property(inputsArb, fc.nat(), (xs, at) => {
        const ranking = rankingOf(xs);
        const i = at % ranking.rows.length;
        const rows = ranking.rows.map((r, j) => (j === i ? { ...r, rank: r.rank + 1 } : r));
        expect(build({ ranking: { ...ranking, rows }, inputs: xs }).contentHash).not.toBe(
          build({ ranking, inputs: xs }).contentHash,
        );
      }),
    );
  });
});
