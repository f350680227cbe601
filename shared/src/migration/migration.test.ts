import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitTree } from '../units/unit-tree.js';
import {
  countedFrom,
  goLiveOf,
  type MigrationRules,
  pastInstantProblem,
  slaCountedFrom,
  whollyBeforeGoLive,
} from './migration.js';

const tree = new UnitTree([
  { id: 'city', kind: 'city', parentId: null },
  { id: 'ds', kind: 'county', parentId: 'city' },
  { id: 'ds-a', kind: 'township', parentId: 'ds' },
  { id: 'xs', kind: 'county', parentId: 'city' },
  { id: 'xs-a', kind: 'township', parentId: 'xs' },
]);
const rules = (goLive: MigrationRules['goLive'], clockSkewSeconds = 300): MigrationRules => ({
  goLive,
  clockSkewSeconds,
});

describe('go-live of a unit', () => {
  it('is that of its nearest listed ancestor-or-self; a unit under no entry has none', () => {
    const r = rules([
      { unitId: 'city', date: '2025-01-01' },
      { unitId: 'xs', date: '2026-01-01' },
    ]);
    expect(goLiveOf(tree, 'ds-a', r)).toBe('2025-01-01');
    expect(goLiveOf(tree, 'xs-a', r)).toBe('2026-01-01');
    expect(goLiveOf(tree, 'xs', r)).toBe('2026-01-01');
    expect(goLiveOf(tree, 'ds-a', rules([{ unitId: 'xs', date: '2026-01-01' }]))).toBeNull();
    expect(goLiveOf(tree, 'nowhere', r)).toBeNull();
  });

  it('holds a condition wholly before it only when its last day is before the go-live day', () => {
    expect(whollyBeforeGoLive('2025-12-31', '2026-01-01')).toBe(true);
    expect(whollyBeforeGoLive('2026-01-01', '2026-01-01')).toBe(false);
    expect(whollyBeforeGoLive('2020-01-01', null)).toBe(false);
  });
});

describe('a time limit around go-live', () => {
  it('that fell before go-live counts from the go-live day; one on or after it stays', () => {
    expect(countedFrom('2025-11-30', '2026-01-01')).toBe('2026-01-01');
    expect(countedFrom('2026-01-01', '2026-01-01')).toBe('2026-01-01');
    expect(countedFrom('2026-02-10', '2026-01-01')).toBe('2026-02-10');
    expect(countedFrom('2020-01-01', null)).toBe('2020-01-01');
  });

  it('restarts a petition clock started before go-live at the go-live day, and keeps what was done', () => {
    const p = {
      receivedAt: '2025-12-20T10:00:00+08:00',
      acceptedAt: '2025-12-28T09:00:00+08:00',
      decidedAt: '2025-12-28T09:00:00+08:00',
      handledAt: null,
      extensionDays: 0,
    };
    const counted = slaCountedFrom(p, '2026-01-01', 'Asia/Shanghai');
    expect(counted).toEqual({
      ...p,
      receivedAt: '2026-01-01T00:00:00+08:00',
      acceptedAt: '2026-01-01T00:00:00+08:00',
    });
    const after = { ...p, receivedAt: '2026-01-05T10:00:00+08:00', acceptedAt: null, decidedAt: null };
    expect(slaCountedFrom(after, '2026-01-01', 'Asia/Shanghai')).toEqual(after);
    expect(slaCountedFrom(p, null, 'Asia/Shanghai')).toBe(p);
  });
});

describe('a past instant', () => {
  // 2026-03-10T10:00:00+08:00
  const nowMs = Date.parse('2026-03-10T02:00:00Z');
  const ctx = { nowMs, rules: rules([]), timeZone: 'Asia/Shanghai' };

  it('may lie up to the clock-skew tolerance past now, not beyond', () => {
    expect(pastInstantProblem('2026-03-10T10:05:00+08:00', ctx)).toBeNull();
    expect(pastInstantProblem('2026-03-10T10:05:01+08:00', ctx)).toBe('instant.future');
    expect(pastInstantProblem('2026-03-10T10:00:01+08:00', { ...ctx, rules: rules([], 0) })).toBe(
      'instant.future',
    );
  });

  it('as a date is its day in the scheme zone: today passes, tomorrow does not', () => {
    expect(pastInstantProblem('2026-03-10', ctx)).toBeNull();
    expect(pastInstantProblem('2026-03-11', ctx)).toBe('instant.future');
    // 23:58 on the 10th in Shanghai with 5 minutes of skew reaches the 11th.
    const late = { ...ctx, nowMs: Date.parse('2026-03-10T15:58:00Z') };
    expect(pastInstantProblem('2026-03-11', late)).toBeNull();
  });

  it('may not lie before its unit was established, on the day itself it may', () => {
    const c = { ...ctx, establishedOn: '2024-06-01' };
    expect(pastInstantProblem('2024-05-31', c)).toBe('instant.beforeUnit');
    expect(pastInstantProblem('2024-06-01', c)).toBeNull();
    // 2024-05-31T23:30 in UTC is already June 1st in Shanghai.
    expect(pastInstantProblem('2024-05-31T23:30:00Z', c)).toBeNull();
    expect(pastInstantProblem('2024-05-31T15:30:00Z', c)).toBe('instant.beforeUnit');
  });

  it('that is neither an instant with offset nor a date is invalid', () => {
    expect(pastInstantProblem('2026-03-10T10:00:00', ctx)).toBe('instant.invalid');
    expect(pastInstantProblem('yesterday', ctx)).toBe('instant.invalid');
  });

  it('is refused as future exactly when it lies after now plus the tolerance (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 3600 }),
        (d, skew) => {
          const at = new Date(nowMs + d).toISOString();
          const problem = pastInstantProblem(at, { ...ctx, rules: rules([], skew) });
          expect(problem === 'instant.future').toBe(d > skew * 1000);
        },
      ),
    );
  });
});
