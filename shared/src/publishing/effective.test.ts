import { describe, expect, it } from 'vitest';
import { emptyAggregate } from '../aggregates/aggregate.js';
import { DomainError } from '../errors/index.js';
import { rankGroup } from '../ranking/rank.js';
import type { RankingSnapshot } from '../schemas/ranking.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { scoreUnit } from '../scoring/score.js';
import { assertPublishable, latestEffective } from './effective.js';
import { buildSnapshot } from './snapshot.js';

const group = { ruleId: 'county-townships', parentUnitId: 'county-1' };
const inputs = ['a', 'b', 'c'].map((u) => emptyAggregate(u, '2025Q1'));
const ranking = rankGroup({
  quarter: '2025Q1',
  group,
  scores: inputs.map((a) => scoreUnit(a, DEFAULT_SCHEME)),
  scheme: DEFAULT_SCHEME,
});
const snap = (id: string, publishedAt: string, supersedes: RankingSnapshot | null = null) =>
  buildSnapshot({
    id,
    ranking,
    inputs,
    publishedAt,
    publishedBy: 'user-1',
    supersedes,
    reason: supersedes ? 'correction' : null,
  });

const original = snap('s1', '2025-04-10T09:00:00+08:00');
const first = snap('s2', '2025-04-12T09:00:00+08:00', original);
const second = snap('s3', '2025-04-20T09:00:00+08:00', first);

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
};

describe('latestEffective', () => {
  it('returns the snapshot no other supersedes, whatever the order given', () => {
    expect(latestEffective([original])).toBe(original);
    expect(latestEffective([second, original, first])).toBe(second);
    expect(latestEffective([first, second, original])).toBe(second);
  });

  it('returns null when there is no snapshot', () => {
    expect(latestEffective([])).toBeNull();
  });

  it('picks the latest published, then the greater id, when two stand unsuperseded', () => {
    const rival = snap('s9', '2025-04-15T09:00:00+08:00', original);
    expect(latestEffective([rival, first, original])).toBe(rival);
    const sameTime = snap('s0', '2025-04-12T09:00:00+08:00', original);
    expect(latestEffective([first, sameTime, original])).toBe(first);
    expect(latestEffective([sameTime, first, original])).toBe(first);
  });
});

describe('assertPublishable', () => {
  const target = (supersedes: string | null) => ({ quarter: '2025Q1', group, supersedes });

  it('allows the first publication of a quarter and group', () => {
    expect(() => assertPublishable([], target(null))).not.toThrow();
    const otherQuarter = { ...original, quarter: '2025Q2' };
    expect(() => assertPublishable([otherQuarter], target(null))).not.toThrow();
  });

  it('refuses a second first publication: a correction is an amendment', () => {
    expect(codeOf(() => assertPublishable([original], target(null)))).toBe('ranking.alreadyPublished');
  });

  it('allows an amendment of the snapshot in force only', () => {
    expect(() => assertPublishable([original, first], target('s2'))).not.toThrow();
    expect(codeOf(() => assertPublishable([original, first], target('s1')))).toBe(
      'ranking.alreadySuperseded',
    );
  });

  it('refuses an amendment when nothing was published', () => {
    expect(codeOf(() => assertPublishable([], target('s1')))).toBe('ranking.supersedesMissing');
  });
});
