import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../calendar/local-date.js';
import { caseTriggerSchema } from '../schemas/accountability.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { closedOnTime, daysOverdue, nextOverdueStepMs, overdueActions, overdueLevel } from './overdue.js';
import { fresh, officer, run, SH, supervisor, toClosed } from './test-fixtures.js';

const DEADLINE = '2025-03-31';
/** 10:00 Shanghai time on the local day `n` days after the deadline day. */
const dayAfter = (n: number) => `${addDays(DEADLINE, n)}T10:00:00+08:00`;

describe('days overdue', () => {
  it.each([
    [0, 0],
    [1, 1],
    [14, 14],
    [15, 15],
    [29, 29],
    [30, 30],
  ])('is, %i local days after the deadline day, %i', (n, days) => {
    expect(daysOverdue(fresh(DEADLINE), dayAfter(n), SH)).toBe(days);
  });

  it('is 0 before the deadline day', () => {
    expect(daysOverdue(fresh(DEADLINE), '2025-03-01T10:00:00+08:00', SH)).toBe(0);
  });

  it('turns 1 exactly at local midnight after the deadline day, not before', () => {
    const r = fresh(DEADLINE);
    expect(daysOverdue(r, '2025-03-31T23:59:59+08:00', SH)).toBe(0);
    expect(daysOverdue(r, '2025-04-01T00:00:00+08:00', SH)).toBe(1);
    // The same instants written in UTC: the scheme's zone decides the day, not the offset written.
    expect(daysOverdue(r, '2025-03-31T15:59:59Z', SH)).toBe(0);
    expect(daysOverdue(r, '2025-03-31T16:00:00Z', SH)).toBe(1);
  });

  it('is 0 for a closed rectification however late', () => {
    expect(daysOverdue(run(fresh(DEADLINE), toClosed), dayAfter(400), SH)).toBe(0);
  });

  it('counts from the extended deadline once an extension is approved', () => {
    const r = run(fresh(DEADLINE), [
      [{ type: 'requestExtension', deadline: '2025-04-30', reason: '汛期停工' }, officer],
      [{ type: 'decideExtension', approve: true }, supervisor],
    ]);
    expect(daysOverdue(r, dayAfter(20), SH)).toBe(0);
    expect(daysOverdue(r, '2025-05-02T08:00:00+08:00', SH)).toBe(2);
  });

  it('equals the days from the deadline day to the local day of asOf, never below 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 86_399 }), (n, s) => {
        const at = new Date(Date.parse(`${addDays(DEADLINE, n)}T00:00:00+08:00`) + s * 1000).toISOString();
        expect(daysOverdue(fresh(DEADLINE), at, SH)).toBe(
          Math.max(0, daysBetween(DEADLINE, addDays(DEADLINE, n))),
        );
      }),
    );
  });
});

describe('closed on time', () => {
  const closedAt = (at: string) => ({ ...run(fresh(DEADLINE), toClosed), closedAt: at });

  it('holds for a close at 23:59:59 on the deadline day and not at midnight after it', () => {
    expect(closedOnTime(closedAt('2025-03-31T23:59:59+08:00'), SH)).toBe(true);
    expect(closedOnTime(closedAt('2025-04-01T00:00:00+08:00'), SH)).toBe(false);
  });

  it('does not hold for a rectification that is not closed', () => {
    expect(closedOnTime(fresh(DEADLINE), SH)).toBe(false);
  });
});

describe('overdue levels', () => {
  it.each([
    [0, null],
    [1, 'alert'],
    [14, 'alert'],
    [15, 'escalate'],
    [29, 'escalate'],
    [30, 'accountability'],
    [365, 'accountability'],
  ])('after %i days is %s', (days, level) => {
    expect(overdueLevel(days, DEFAULT_SCHEME)).toBe(level);
  });

  it('follow the scheme, and never mark a rectification that is not overdue', () => {
    const scheme = {
      rectification: {
        ...DEFAULT_SCHEME.rectification,
        overdueAlertDays: 0,
        overdueEscalateDays: 7,
        overdueAccountabilityDays: 10,
      },
    };
    expect(overdueLevel(0, scheme)).toBeNull();
    expect(overdueLevel(7, scheme)).toBe('escalate');
    expect(overdueLevel(10, scheme)).toBe('accountability');
  });
});

describe('overdue actions of a sweep', () => {
  it('raise nothing on time or for a closed rectification', () => {
    expect(overdueActions(fresh(DEADLINE), dayAfter(0), DEFAULT_SCHEME)).toEqual([]);
    expect(overdueActions(run(fresh(DEADLINE), toClosed), dayAfter(90), DEFAULT_SCHEME)).toEqual([]);
  });

  it('raise an alert to the unit on day 1', () => {
    expect(overdueActions(fresh(DEADLINE), dayAfter(1), DEFAULT_SCHEME)).toEqual([
      {
        kind: 'alert',
        level: 'alert',
        key: 'rect-overdue:rect-1:alert',
        rule: 'rectification.overdue.alert',
        subject: { kind: 'rectification', id: 'rect-1' },
        unitId: 'ds-a',
        notify: 'unit',
        severity: 'warning',
        daysOverdue: 1,
        action: 'alert_unit',
        reachedOn: '2025-04-01',
      },
    ]);
  });

  it('add an alert to the parent unit on day 15 and a case for the leaders on day 30', () => {
    const at15 = overdueActions(fresh(DEADLINE), dayAfter(15), DEFAULT_SCHEME);
    expect(at15.map((a) => a.key)).toEqual(['rect-overdue:rect-1:alert', 'rect-overdue:rect-1:escalate']);
    // Reached on day 15 however late the sweep runs: the post holders of that day are who it lands on.
    expect(at15[1]).toMatchObject({ notify: 'parentUnit', severity: 'critical', reachedOn: '2025-04-15' });
    expect(overdueActions(fresh(DEADLINE), dayAfter(29), DEFAULT_SCHEME)[1]?.reachedOn).toBe('2025-04-15');
    const at30 = overdueActions(fresh(DEADLINE), dayAfter(30), DEFAULT_SCHEME);
    const proposal = at30[2];
    expect(proposal).toMatchObject({
      kind: 'case',
      key: 'rect-overdue:rect-1:accountability',
      leadersOf: { unitId: 'ds-a', from: '2025-04-01', to: '2025-04-30' },
      daysOverdue: 30,
    });
    expect(proposal?.kind === 'case' && caseTriggerSchema.safeParse(proposal.trigger).success).toBe(true);
  });

  it('raise each level once over a daily sweep, on days 1, 15 and 30', () => {
    const raised = new Map<string, number>();
    for (let n = -5; n <= 45; n++)
      for (const a of overdueActions(fresh(DEADLINE), dayAfter(n), DEFAULT_SCHEME))
        if (!raised.has(a.key)) raised.set(a.key, n);
    expect(Object.fromEntries(raised)).toEqual({
      'rect-overdue:rect-1:alert': 1,
      'rect-overdue:rect-1:escalate': 15,
      'rect-overdue:rect-1:accountability': 30,
    });
  });
});

describe('the next step of an open rectification (the sweeps’ wake list)', () => {
  const startOf = (n: number) => Date.parse(`${addDays(DEADLINE, n)}T00:00:00+08:00`);

  it('is day 1, then 15, then 30 under the default scheme, and none once every step is done or it is closed', () => {
    const r = fresh(DEADLINE);
    expect(nextOverdueStepMs(r, DEFAULT_SCHEME, new Set())).toBe(startOf(1));
    expect(nextOverdueStepMs(r, DEFAULT_SCHEME, new Set(['alert']))).toBe(startOf(15));
    expect(nextOverdueStepMs(r, DEFAULT_SCHEME, new Set(['alert', 'escalate']))).toBe(startOf(30));
    expect(nextOverdueStepMs(r, DEFAULT_SCHEME, new Set(['alert', 'escalate', 'accountability']))).toBeNull();
    expect(nextOverdueStepMs(run(fresh(DEADLINE), toClosed), DEFAULT_SCHEME, new Set())).toBeNull();
  });

  it('after a sweep at any instant that raised every step reached, falls after that instant; and a sweep then raises exactly the steps it finds due', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 60 }), fc.integer({ min: 0, max: 86_399 }), (n, s) => {
        const r = fresh(DEADLINE);
        const asOfMs = startOf(n) + s * 1000;
        const asOf = new Date(asOfMs).toISOString().replace('Z', '+00:00');
        const reached = overdueActions(r, asOf, DEFAULT_SCHEME).map((a) => a.level);
        const next = nextOverdueStepMs(r, DEFAULT_SCHEME, new Set(reached));
        if (reached.length === 3) expect(next).toBeNull();
        else {
          expect(next).toBeGreaterThan(asOfMs);
          // Nothing new is reached before it, and one more step is reached at it.
          const before = new Date((next as number) - 1).toISOString().replace('Z', '+00:00');
          const at = new Date(next as number).toISOString().replace('Z', '+00:00');
          expect(overdueActions(r, before, DEFAULT_SCHEME)).toHaveLength(reached.length);
          expect(overdueActions(r, at, DEFAULT_SCHEME).length).toBeGreaterThan(reached.length);
        }
      }),
    );
  });
});
