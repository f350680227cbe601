import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../calendar/local-date.js';
import { formatInstant, startOfLocalDay } from '../calendar/time-zone.js';
import { overdueActions } from '../rectification/overdue.js';
import type { Tenure } from '../schemas/org.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import { type EscalationStep, schemeSchema } from '../scheme/scheme.js';
import { ladderOf, landing, nextStepDueMs, stepDueMs, stepsReached } from './ladder.js';

const scheme = DEFAULT_SCHEME;
const SH = scheme.timeZone;
const at = (local: string) => `${local}+08:00`;
const ms = (local: string) => Date.parse(at(local));

describe('the ladder as scheme data', () => {
  it('defaults a rectification to the fixed overdue steps: day 1, 15, 30', () => {
    const limit = { start: at('2025-03-01T09:00:00'), deadline: '2025-03-31' };
    const ladder = ladderOf('rectification', scheme);
    expect(ladder.map((s) => [s.id, s.action, stepDueMs(s, limit, SH)])).toEqual([
      ['alert', 'alert_unit', ms('2025-04-01T00:00:00')],
      ['escalate', 'alert_parent', ms('2025-04-15T00:00:00')],
      ['accountability', 'propose_case', ms('2025-04-30T00:00:00')],
    ]);
  });

  it('places steps at fractions of the time limit: 80 %, 100 % (= overdue day 1), 150 %', () => {
    const ladder: EscalationStep[] = [
      { id: 'remind', at: { percentOfLimit: 80 }, action: 'remind_leaders' },
      { id: 'parent', at: { percentOfLimit: 100 }, action: 'alert_parent' },
      { id: 'case', at: { percentOfLimit: 150 }, action: 'propose_case' },
    ];
    const s = schemeSchema.parse({ ...scheme, escalation: { rectification: ladder } });
    // 10 days: opened at the start of 1 Apr, due at the end of 10 Apr.
    const limit = { start: at('2025-04-01T00:00:00'), deadline: '2025-04-10' };
    expect(ladderOf('rectification', s).map((x) => stepDueMs(x, limit, SH))).toEqual([
      ms('2025-04-09T00:00:00'),
      ms('2025-04-11T00:00:00'),
      ms('2025-04-16T00:00:00'),
    ]);
    const reached = (local: string) => stepsReached(ladder, limit, at(local), SH).map((x) => x.id);
    expect(reached('2025-04-08T23:59:59')).toEqual([]);
    expect(reached('2025-04-09T00:00:00')).toEqual(['remind']);
    expect(reached('2025-04-16T00:00:00')).toEqual(['remind', 'parent', 'case']);
    expect(nextStepDueMs(ladder, limit, new Set(['remind']), SH)).toBe(ms('2025-04-11T00:00:00'));
    expect(nextStepDueMs(ladder, limit, new Set(['remind', 'parent', 'case']), SH)).toBe(null);
  });

  it('refuses a ladder with two steps of one id, or a step at 0 %', () => {
    const bad = (rectification: unknown) =>
      schemeSchema.safeParse({ ...scheme, escalation: { rectification } }).success;
    const step = { id: 'a', at: { percentOfLimit: 80 }, action: 'remind_leaders' };
    expect(bad([step, step])).toBe(false);
    expect(bad([{ ...step, at: { percentOfLimit: 0 } }])).toBe(false);
    expect(bad([step])).toBe(true);
  });

  it('under the default scheme, the steps reached are the overdue levels the sweep raises today', () => {
    const DAY0 = toEpochDay('2025-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 500 * 86_400 }),
        (deadlineDay, seconds) => {
          const deadline = fromEpochDay(DAY0 + deadlineDay);
          const asOf = formatInstant(startOfLocalDay('2025-01-01', SH) + seconds * 1000, SH);
          const limit = { start: at('2024-12-01T09:00:00'), deadline };
          const steps = stepsReached(ladderOf('rectification', scheme), limit, asOf, SH).map((s) => s.id);
          const levels = overdueActions(
            { id: 'r', unitId: 'u', state: 'in_progress', deadline },
            asOf,
            scheme,
          ).map((a) => a.level);
          expect(steps).toEqual(levels);
        },
      ),
    );
  });
});

describe('where a step lands', () => {
  const tenure = (
    id: string,
    personId: string,
    unitId: string,
    post: Tenure['post'],
    from: string,
    to: string | null,
  ) => ({ id, personId, unitId, post, from, to }) as Tenure;
  // 东山县青松镇 (ds-a): 书记 changed mid-quarter on 15 May; the deputy post fell vacant from 1 June.
  const tenures = [
    tenure('t1', 'p-zhang', 'ds-a', 'principal', '2024-01-01', '2025-05-14'),
    tenure('t2', 'p-li', 'ds-a', 'principal', '2025-05-15', null),
    tenure('t3', 'p-wang', 'ds-a', 'deputy_in_charge', '2024-01-01', '2025-05-31'),
    tenure('t4', 'p-zhao', 'ds', 'principal', '2024-01-01', null),
    tenure('t5', 'p-qian', 'ds', 'deputy_in_charge', '2024-01-01', null),
  ];
  const parentOf = (u: string) => ({ 'ds-a': 'ds', ds: 'city' })[u] ?? null;
  const remind = { action: 'remind_leaders' } as const;

  it('lands on the holders of that day: the old principal before the change, the new one after', () => {
    expect(landing(remind, 'ds-a', '2025-05-14', tenures, parentOf).people).toEqual([
      { personId: 'p-zhang', post: 'principal' },
      { personId: 'p-wang', post: 'deputy_in_charge' },
    ]);
    expect(landing(remind, 'ds-a', '2025-05-15', tenures, parentOf).people).toEqual([
      { personId: 'p-li', post: 'principal' },
      { personId: 'p-wang', post: 'deputy_in_charge' },
    ]);
  });

  it('reports a vacant post to the level above instead of skipping it', () => {
    const l = landing(remind, 'ds-a', '2025-06-02', tenures, parentOf);
    expect(l).toEqual({
      unitId: 'ds-a',
      day: '2025-06-02',
      people: [{ personId: 'p-li', post: 'principal' }],
      vacant: ['deputy_in_charge'],
      reportTo: 'ds',
    });
    // A unit with nobody in post at all: the step still lands, as a report to the county.
    const empty = landing(remind, 'ds-b', '2025-06-02', tenures, parentOf);
    expect([empty.people, empty.vacant]).toEqual([[], ['principal', 'deputy_in_charge']]);
  });

  it("an alert to the parent lands on the parent's post holders", () => {
    const l = landing({ action: 'alert_parent' }, 'ds-a', '2025-06-02', tenures, parentOf);
    expect([l.unitId, l.people.map((p) => p.personId), l.vacant, l.reportTo]).toEqual([
      'ds',
      ['p-zhao', 'p-qian'],
      [],
      'city',
    ]);
  });
});
