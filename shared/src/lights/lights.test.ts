import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromEpochDay, toEpochDay } from '../calendar/local-date.js';
import { formatInstant, startOfLocalDay } from '../calendar/time-zone.js';
import { isWorkingDay } from '../calendar/working-days.js';
import { petition, supervisor } from '../petitions/test-support.js';
import { acceptPetition } from '../petitions/workflow.js';
import { fresh, officer } from '../rectification/test-fixtures.js';
import { applyAction } from '../rectification/workflow.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import type { Scheme } from '../scheme/scheme.js';
import {
  caseLight,
  LIGHTS,
  type Light,
  lightAt,
  lightDeadlineRange,
  petitionLight,
  rectificationLight,
  warningStart,
} from './lights.js';

const scheme = DEFAULT_SCHEME;
/** The default scheme with rectification deadlines counted in working days (the calendar with 调休). */
const working: Scheme = {
  ...scheme,
  rectification: {
    ...scheme.rectification,
    defaultDeadline: { ...scheme.rectification.defaultDeadline, count: 'working' },
  },
  lights: { ...scheme.lights!, rectificationWarnDays: 5 },
};
const at = (local: string) => `${local}+08:00`;

describe('lights at the edges of the warning window', () => {
  it('calendar days: green the day before the 7-day window, yellow from its first instant, red after the deadline day', () => {
    const r = { ...fresh('2025-03-31'), state: 'in_progress' as const };
    expect(rectificationLight(r, at('2025-03-24T23:59:59'), scheme)).toBe('green');
    expect(rectificationLight(r, at('2025-03-25T00:00:00'), scheme)).toBe('yellow');
    expect(rectificationLight(r, at('2025-03-31T23:59:59'), scheme)).toBe('yellow');
    expect(rectificationLight(r, at('2025-04-01T00:00:00'), scheme)).toBe('red');
  });

  it('working days: the 5-day window before Monday 13 Oct 2025 counts the 调休 Saturday and skips 国庆', () => {
    // Working days back from 2025-10-13: 13 (Mon), 11 (调休上班 Sat), 10, 9; 1–8 Oct are holidays; 30 Sep.
    expect(warningStart('2025-10-13', 5, 'working', scheme.calendar)).toBe('2025-09-30');
    const r = { ...fresh('2025-10-13'), state: 'in_progress' as const };
    expect(rectificationLight(r, at('2025-09-29T23:59:59'), working)).toBe('green');
    expect(rectificationLight(r, at('2025-09-30T00:00:00'), working)).toBe('yellow');
    expect(rectificationLight(r, at('2025-10-05T12:00:00'), working)).toBe('yellow');
    expect(rectificationLight(r, at('2025-10-13T23:59:59'), working)).toBe('yellow');
    expect(rectificationLight(r, at('2025-10-14T00:00:00'), working)).toBe('red');
    // The same window in calendar days starts on 9 Oct.
    expect(
      rectificationLight(r, at('2025-10-08T23:59:59'), { ...working, rectification: scheme.rectification }),
    ).toBe('green');
  });

  it('a deadline on a rest day: the window counts back from the working day before it', () => {
    // Sunday 2025-03-30: working days back are 28, 27, 26.
    expect(warningStart('2025-03-30', 3, 'working', scheme.calendar)).toBe('2025-03-26');
  });

  it('a window of 0 days: green until red', () => {
    const s: Scheme = { ...scheme, lights: { ...scheme.lights!, rectificationWarnDays: 0 } };
    const r = { ...fresh('2025-03-31'), state: 'in_progress' as const };
    expect(rectificationLight(r, at('2025-03-31T23:59:59'), s)).toBe('green');
    expect(rectificationLight(r, at('2025-04-01T00:00:00'), s)).toBe('red');
  });

  it('a closed rectification has no light, however late', () => {
    expect(
      rectificationLight({ ...fresh('2025-03-31'), state: 'closed' }, at('2026-01-01T00:00:00'), scheme),
    ).toBe(null);
  });
});

describe('behind its own plan', () => {
  it('a rectification still assigned after the start days is yellow; started, it is green again', () => {
    const r = fresh('2025-06-30'); // opened 2025-03-01, to be started by 2025-03-06
    expect(rectificationLight(r, at('2025-03-06T23:59:59'), scheme)).toBe('green');
    expect(rectificationLight(r, at('2025-03-07T00:00:00'), scheme)).toBe('yellow');
    const started = applyAction(r, { type: 'start' }, officer, at('2025-03-07T09:00:00')).next;
    expect(rectificationLight(started, at('2025-03-07T10:00:00'), scheme)).toBe('green');
  });
});

describe('petitions and cases', () => {
  const p = petition({ receivedAt: at('2025-03-10T10:00:00') }); // acceptance due 2025-03-25

  it('a petition is lit by its acceptance clock while received (3-day window), red once it is missed', () => {
    expect(petitionLight(p, at('2025-03-22T23:59:59'), scheme)).toBe('green');
    expect(petitionLight(p, at('2025-03-23T00:00:00'), scheme)).toBe('yellow');
    expect(petitionLight(p, at('2025-03-26T00:00:00'), scheme)).toBe('red');
  });

  it('and by its handling clock once accepted (10-day window)', () => {
    const a = acceptPetition(p, supervisor(at('2025-03-11T10:00:00')), scheme); // handling due 2025-05-12
    expect(a.handleDue).toBe('2025-05-12');
    expect(petitionLight(a, at('2025-05-02T23:59:59'), scheme)).toBe('green');
    expect(petitionLight(a, at('2025-05-03T00:00:00'), scheme)).toBe('yellow');
    expect(petitionLight(a, at('2025-05-13T00:00:00'), scheme)).toBe('red');
    expect(petitionLight({ ...a, state: 'handled' }, at('2025-06-01T00:00:00'), scheme)).toBe(null);
  });

  it('a case proposed on 1 Mar is due to be decided by 31 Mar (30 calendar days), yellow from 27 Mar', () => {
    const c = { state: 'proposed' as const, proposedAt: at('2025-03-01T09:00:00') };
    expect(caseLight(c, at('2025-03-26T23:59:59'), scheme)).toBe('green');
    expect(caseLight(c, at('2025-03-27T00:00:00'), scheme)).toBe('yellow');
    expect(caseLight({ ...c, state: 'under_review' }, at('2025-04-01T00:00:00'), scheme)).toBe('red');
    expect(caseLight({ ...c, state: 'decided' }, at('2025-04-01T00:00:00'), scheme)).toBe(null);
  });

  it('a scheme stored before lights existed takes the defaults', () => {
    const { lights: _, ...old } = scheme;
    expect(petitionLight(p, at('2025-03-23T00:00:00'), old as Scheme)).toBe('yellow');
  });
});

const rank = (l: Light | null) => (l === null ? -1 : LIGHTS.indexOf(l));
const DAY0 = toEpochDay('2025-01-01');
const dateArb = fc.integer({ min: 0, max: 700 }).map((n) => fromEpochDay(DAY0 + n));
const instantArb = fc
  .integer({ min: 0, max: 760 * 86_400_000 })
  .map((ms) => formatInstant(startOfLocalDay('2025-01-01', scheme.timeZone) + ms, scheme.timeZone));
const clockArb = fc.record({
  deadline: dateArb,
  warnDays: fc.integer({ min: 0, max: 40 }),
  count: fc.constantFrom('calendar' as const, 'working' as const),
  planDue: fc.option(dateArb),
});

describe('properties', () => {
  it('monotone in time while nothing changes: green → yellow → red, never back', () => {
    fc.assert(
      fc.property(clockArb, instantArb, instantArb, (clock, a, b) => {
        const [t1, t2] = Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a];
        expect(rank(lightAt(clock, t1, scheme))).toBeLessThanOrEqual(rank(lightAt(clock, t2, scheme)));
      }),
    );
  });

  it('red exactly after the deadline day; a working-day window holds exactly N working days', () => {
    fc.assert(
      fc.property(clockArb, instantArb, (clock, t) => {
        const red = Date.parse(t) >= startOfLocalDay(addDays(clock.deadline, 1), scheme.timeZone);
        expect(lightAt(clock, t, scheme) === 'red').toBe(red);
        const start = warningStart(clock.deadline, clock.warnDays, clock.count, scheme.calendar);
        if (start === null) {
          expect(clock.warnDays).toBe(0);
          return;
        }
        const days = Array.from({ length: daysBetween(start, clock.deadline) + 1 }, (_, i) =>
          addDays(start, i),
        );
        if (clock.count === 'calendar') expect(days).toHaveLength(clock.warnDays);
        else {
          expect(isWorkingDay(start, scheme.calendar)).toBe(true);
          expect(days.filter((d) => isWorkingDay(d, scheme.calendar))).toHaveLength(clock.warnDays);
        }
      }),
    );
  });

  it("a light filter's deadline range holds exactly the records of that light by window (no plan)", () => {
    fc.assert(
      fc.property(clockArb, instantArb, (clock, t) => {
        const light = lightAt({ ...clock, planDue: null }, t, scheme);
        for (const l of LIGHTS) {
          const { from, to } = lightDeadlineRange(l, t, clock.warnDays, clock.count, scheme);
          const inRange =
            (from === undefined || clock.deadline >= from) && (to === undefined || clock.deadline <= to);
          expect(inRange).toBe(l === light);
        }
      }),
    );
  });
});
