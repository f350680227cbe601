import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAggregate, type UnitQuarterAggregate } from '../aggregates/aggregate.js';
import { scoreBreakdownSchema } from '../schemas/ranking.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { scoreUnit } from './score.js';

const agg = (over: Partial<UnitQuarterAggregate> = {}): UnitQuarterAggregate => ({
  ...emptyAggregate('u1', '2025Q2'),
  ...over,
});
const score = (over: Partial<UnitQuarterAggregate> = {}) => scoreUnit(agg(over), DEFAULT_SCHEME);

describe('scoreUnit', () => {
  it('gives a unit with no indicators and no records the full 100 points, marked "no targets"', () => {
    const s = score();
    expect(s.total).toBe(10_000);
    expect(s.task).toEqual({ points: 4000, max: 4000, noTargets: true, indicators: [] });
    expect(s.rectification.points).toBe(2500);
    expect(scoreBreakdownSchema.parse(s)).toEqual(s);
  });

  it('scores task completion from the lines, with every line in the breakdown', () => {
    const s = score({ tasks: { b: { plan: 50, actual: 30 }, a: { plan: 10, actual: null } } });
    expect(s.task.points).toBe(1200); // 4000 × (0 + 0.6) / 2
    expect(s.task.noTargets).toBe(false);
    expect(s.task.indicators).toEqual([
      // Not reported for the quarter's end: counted as 0 and marked so (a draft says so above the table).
      { indicatorId: 'a', plan: 10, actual: 0, completion: '0.0000', reported: false },
      { indicatorId: 'b', plan: 50, actual: 30, completion: '0.6000' },
    ]);
    expect(scoreBreakdownSchema.parse(s)).toEqual(s);
  });

  it('scores a reported actual of 0 like a missing one, but does not mark it unreported', () => {
    const reported = score({ tasks: { a: { plan: 10, actual: 0 } } });
    const missing = score({ tasks: { a: { plan: 10, actual: null } } });
    expect(reported.total).toBe(missing.total);
    expect(reported.task.indicators[0]!.reported).toBeUndefined();
    expect(missing.task.indicators[0]!.reported).toBe(false);
  });

  it('takes rectification 2 of 3 on time as round(2500 × 2/3) = 1667', () => {
    const s = score({ rectDue: 3, rectOnTime: 2 });
    expect(s.rectification).toEqual({
      points: 1667,
      max: 2500,
      due: 3,
      onTime: 2,
      openOverdue: 0,
      deductionEach: 100,
    });
  });

  it('takes 1 point per open overdue rectification off the rate, floored at 0', () => {
    expect(score({ rectDue: 3, rectOnTime: 2, rectOpenOverdue: 2 }).rectification.points).toBe(1467);
    expect(score({ rectDue: 0, rectOnTime: 0, rectOpenOverdue: 3 }).rectification.points).toBe(2200);
    expect(score({ rectDue: 3, rectOnTime: 0, rectOpenOverdue: 1 }).rectification.points).toBe(0);
    expect(score({ rectDue: 1, rectOnTime: 1, rectOpenOverdue: 40 }).rectification.points).toBe(0);
  });

  it('counts a rate of 1 when no rectification was due in the quarter', () => {
    expect(score({ rectDue: 0 }).rectification.points).toBe(2500);
  });

  it('caps the rate at 1 when an aggregate claims more on time than due', () => {
    expect(score({ rectDue: 2, rectOnTime: 3 }).rectification.points).toBe(2500);
  });

  it('takes 1 / 3 / 5 points per general / serious / grave finding: 1500 − 900 = 600', () => {
    const s = score({ findings: { general: 1, serious: 1, grave: 1 } });
    expect(s.findings).toEqual({
      points: 600,
      max: 1500,
      general: 1,
      serious: 1,
      grave: 1,
      deductions: { general: 100, serious: 300, grave: 500 },
    });
  });

  it('floors findings at 0 rather than going negative (20 findings)', () => {
    expect(score({ findings: { general: 20, serious: 0, grave: 0 } }).findings.points).toBe(0);
    expect(score({ findings: { general: 0, serious: 0, grave: 20 } }).total).toBe(8500);
  });

  it('takes 0.5 per petition, 2 per repeated and 3 per escalated', () => {
    expect(score({ petitions: { received: 4, repeated: 0, escalated: 0 } }).petitions.points).toBe(800);
    expect(score({ petitions: { received: 2, repeated: 2, escalated: 0 } }).petitions.points).toBe(500);
    expect(score({ petitions: { received: 3, repeated: 0, escalated: 3 } }).petitions.points).toBe(0);
  });

  it('makes a petition both repeated and escalated lose both', () => {
    // One petition, counted as received, repeated and escalated: 1000 − (50 + 200 + 300) = 450.
    const s = score({ petitions: { received: 1, repeated: 1, escalated: 1 } });
    expect(s.petitions).toEqual({
      points: 450,
      max: 1000,
      received: 1,
      repeated: 1,
      escalated: 1,
      deductions: { received: 50, repeated: 200, escalated: 300 },
    });
  });

  it('takes 1 per notable and 5 per major negative signal, floored at 0', () => {
    expect(score({ signals: { notable: 3, major: 0 } }).opinion.points).toBe(700);
    expect(score({ signals: { notable: 1, major: 1 } }).opinion.points).toBe(400);
    expect(score({ signals: { notable: 0, major: 3 } }).opinion).toEqual({
      points: 0,
      max: 1000,
      notable: 0,
      major: 3,
      deductions: { notable: 100, major: 500 },
    });
  });

  it('reads every weight and deduction from the scheme', () => {
    const scheme = {
      weights: { task: 2000, rectification: 2000, findings: 2000, petitions: 2000, opinion: 2000 },
      deductions: {
        rectificationOpenOverdue: 10,
        finding: { general: 1, serious: 2, grave: 3 },
        petition: { received: 1, repeated: 2, escalated: 3 },
        opinion: { notable: 1, major: 2 },
      },
    };
    const s = scoreUnit(
      agg({
        rectDue: 3,
        rectOnTime: 1,
        rectOpenOverdue: 1,
        findings: { general: 1, serious: 1, grave: 1 },
        petitions: { received: 1, repeated: 1, escalated: 1 },
        signals: { notable: 1, major: 1 },
      }),
      scheme,
    );
    expect([
      s.task.points,
      s.rectification.points,
      s.findings.points,
      s.petitions.points,
      s.opinion.points,
    ]).toEqual([2000, 657, 1994, 1994, 1997]);
    expect(s.total).toBe(2000 + 657 + 1994 + 1994 + 1997);
  });
});

const count = fc.nat({ max: 60 });
const value = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10_000);
const aggregateArb: fc.Arbitrary<UnitQuarterAggregate> = fc
  .record({
    tasks: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.record({ plan: value, actual: fc.option(value, { nil: null }) }),
      { maxKeys: 6 },
    ),
    rectDue: count,
    rectOnTimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rectOpenOverdue: count,
    findings: fc.record({ general: count, serious: count, grave: count }),
    petitions: fc.record({ received: count, repeated: count, escalated: count }),
    signals: fc.record({ notable: count, major: count }),
  })
  .map(({ rectOnTimeShare, ...a }) => ({
    ...emptyAggregate('u1', '2025Q3'),
    ...a,
    rectOnTime: Math.floor(a.rectDue * rectOnTimeShare),
  }));

describe('scoreUnit properties', () => {
  it('keeps every total within 0..10000 and equal to the sum of the five dimensions', () => {
    fc.assert(
      fc.property(aggregateArb, (a) => {
        const s = scoreUnit(a, DEFAULT_SCHEME);
        const dims = [s.task, s.rectification, s.findings, s.petitions, s.opinion];
        expect(s.total).toBe(dims.reduce((sum, d) => sum + d.points, 0));
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(10_000);
        for (const d of dims) expect(d.points).toBeLessThanOrEqual(d.max);
        expect(scoreBreakdownSchema.safeParse(s).success).toBe(true);
      }),
    );
  });

  it('never gains points from one more finding, petition or signal', () => {
    fc.assert(
      fc.property(aggregateArb, (a) => {
        const before = scoreUnit(a, DEFAULT_SCHEME).total;
        const worse = {
          ...a,
          findings: { ...a.findings, general: a.findings.general + 1 },
          petitions: { ...a.petitions, received: a.petitions.received + 1 },
          signals: { ...a.signals, notable: a.signals.notable + 1 },
        };
        expect(scoreUnit(worse, DEFAULT_SCHEME).total).toBeLessThanOrEqual(before);
      }),
    );
  });
});
