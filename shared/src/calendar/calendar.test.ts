import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/index.js';
import { CHINA_WORKING_CALENDAR } from './china-holidays.js';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  isInstant,
  isLocalDate,
  toEpochDay,
} from './local-date.js';
import {
  areConsecutive,
  daysInQuarter,
  nextQuarter,
  parseQuarter,
  prevQuarter,
  quarterBounds,
  quarterKey,
  quarterOfDate,
  quartersBetween,
} from './quarter.js';
import { endOfLocalDay, formatInstant, isTimeZone, localDateOf, startOfLocalDay } from './time-zone.js';
import { addWorkingDays, computeDeadline, isWorkingDay, rollToWorkingDay } from './working-days.js';

const SH = 'Asia/Shanghai';
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

describe('local dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
  });

  it('requires an offset on instants', () => {
    expect(isInstant('2025-03-31T23:59:59+08:00')).toBe(true);
    expect(isInstant('2025-03-31T15:59:59Z')).toBe(true);
    expect(isInstant('2025-03-31T23:59:59')).toBe(false);
    expect(isInstant('2025-03-31')).toBe(false);
  });

  it('does day arithmetic across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(dayOfWeek('2025-10-01')).toBe(3); // a Wednesday
  });

  it('round-trips epoch days', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => toEpochDay(fromEpochDay(n)) === n));
  });

  it('reports a bad date with a code', () => {
    expect(code(() => toEpochDay('2025-02-30'))).toBe('calendar.invalidDate');
  });
});

describe('time zones', () => {
  it('gives the local date of instants just before and after local midnight at a quarter boundary', () => {
    expect(localDateOf('2025-03-31T23:59:59+08:00', SH)).toBe('2025-03-31');
    expect(localDateOf('2025-04-01T00:00:00+08:00', SH)).toBe('2025-04-01');
    // 16:00Z on 31 March is already 1 April in Shanghai
    expect(localDateOf('2025-03-31T16:00:00Z', SH)).toBe('2025-04-01');
    expect(localDateOf('2025-03-31T15:59:59Z', SH)).toBe('2025-03-31');
  });

  it('starts and ends a local day in any IANA zone', () => {
    expect(new Date(startOfLocalDay('2025-04-01', SH)).toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(new Date(endOfLocalDay('2025-03-31', SH)).toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(new Date(startOfLocalDay('2025-07-01', 'America/New_York')).toISOString()).toBe(
      '2025-07-01T04:00:00.000Z',
    );
  });

  it('finds the start of a day whose midnight does not exist (DST gap at 00:00)', () => {
    // Chile springs forward at 24:00 on 2025-09-06: 2025-09-07 starts at 01:00 local (04:00Z).
    const t = startOfLocalDay('2025-09-07', 'America/Santiago');
    expect(localDateOf(t, 'America/Santiago')).toBe('2025-09-07');
    expect(localDateOf(t - 1000, 'America/Santiago')).toBe('2025-09-06');
  });

  it('renders an instant with the zone offset', () => {
    expect(formatInstant(Date.parse('2025-03-31T16:00:00Z'), SH)).toBe('2025-04-01T00:00:00+08:00');
    expect(formatInstant(Date.parse('2025-01-15T12:00:00Z'), 'America/New_York')).toBe(
      '2025-01-15T07:00:00-05:00',
    );
  });

  it('refuses an unknown zone', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(code(() => localDateOf('2025-01-01T00:00:00Z', 'Mars/Olympus'))).toBe('calendar.invalidTimeZone');
  });

  it('puts every instant inside its local day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
        fc.constantFrom(SH, 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'),
        (ms, tz) => {
          const d = localDateOf(ms, tz);
          return startOfLocalDay(d, tz) <= ms && ms < endOfLocalDay(d, tz);
        },
      ),
    );
  });
});

describe('quarters', () => {
  it('finds the quarter of a date and its bounds', () => {
    expect(quarterOfDate('2025-03-31')).toEqual({ year: 2025, quarter: 1 });
    expect(quarterOfDate('2025-04-01')).toEqual({ year: 2025, quarter: 2 });
    expect(quarterBounds({ year: 2025, quarter: 4 })).toEqual({ first: '2025-10-01', last: '2025-12-31' });
    expect(quarterBounds({ year: 2024, quarter: 1 })).toEqual({ first: '2024-01-01', last: '2024-03-31' });
  });

  it('treats Q4 of one year and Q1 of the next as consecutive', () => {
    const q4 = parseQuarter('2025Q4');
    expect(quarterKey(nextQuarter(q4))).toBe('2026Q1');
    expect(quarterKey(prevQuarter(parseQuarter('2026Q1')))).toBe('2025Q4');
    expect(areConsecutive(q4, parseQuarter('2026Q1'))).toBe(true);
    expect(areConsecutive(parseQuarter('2026Q1'), q4)).toBe(false);
    expect(areConsecutive(parseQuarter('2025Q2'), parseQuarter('2025Q4'))).toBe(false);
    expect(quartersBetween(parseQuarter('2025Q3'), parseQuarter('2026Q2')).map(quarterKey)).toEqual([
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
    ]);
  });

  it('refuses a malformed quarter with a code', () => {
    expect(code(() => parseQuarter('2025Q5'))).toBe('calendar.invalidQuarter');
  });

  it('counts days of a span inside a quarter, both ends inclusive', () => {
    const q1 = parseQuarter('2025Q1');
    expect(daysInQuarter('2024-06-01', null, q1)).toBe(90);
    expect(daysInQuarter('2025-02-01', '2025-02-10', q1)).toBe(10);
    expect(daysInQuarter('2025-04-01', null, q1)).toBe(0);
    expect(daysInQuarter('2024-01-01', '2024-12-31', q1)).toBe(0);
    expect(daysInQuarter('2024-01-01', null, parseQuarter('2024Q1'))).toBe(91);
  });

  it('moves next then previous back to the same quarter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }), (year, q) => {
        const quarter = { year, quarter: q as 1 | 2 | 3 | 4 };
        return quarterKey(prevQuarter(nextQuarter(quarter))) === quarterKey(quarter);
      }),
    );
  });
});

describe('the working-day calendar (调休)', () => {
  const cal = CHINA_WORKING_CALENDAR;

  it('knows statutory holidays and make-up working weekends of 2025 and 2026', () => {
    expect(isWorkingDay('2025-10-01', cal)).toBe(false); // National Day
    expect(isWorkingDay('2025-10-08', cal)).toBe(false);
    expect(isWorkingDay('2025-10-09', cal)).toBe(true);
    expect(isWorkingDay('2025-09-28', cal)).toBe(true); // a Sunday, worked
    expect(isWorkingDay('2025-10-11', cal)).toBe(true); // a Saturday, worked
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // Saturday before Spring Festival, worked
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Spring Festival
    expect(isWorkingDay('2026-02-24', cal)).toBe(true);
    expect(isWorkingDay('2025-11-22', cal)).toBe(false); // an ordinary Saturday
  });

  it('rolls a date off rest days to the next working day', () => {
    expect(rollToWorkingDay('2025-10-01', cal)).toBe('2025-10-09');
    expect(rollToWorkingDay('2025-10-11', cal)).toBe('2025-10-11');
    expect(rollToWorkingDay('2025-11-22', cal)).toBe('2025-11-24');
  });

  it('adds working days skipping holidays and counting make-up days', () => {
    // From Friday 26 Sep 2025: Sun 28 Sep is worked, 1–8 Oct are off.
    expect(addWorkingDays('2025-09-26', 1, cal)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 3, cal)).toBe('2025-09-30');
    expect(addWorkingDays('2025-09-26', 4, cal)).toBe('2025-10-09');
  });

  it('computes deadlines counting calendar or working days, rolling off holidays when the rule says so', () => {
    expect(computeDeadline('2025-09-20', { days: 15, count: 'calendar', rollOffNonWorking: true }, cal)).toBe(
      '2025-10-09',
    );
    expect(
      computeDeadline('2025-09-20', { days: 15, count: 'calendar', rollOffNonWorking: false }, cal),
    ).toBe('2025-10-05');
    expect(computeDeadline('2025-09-26', { days: 4, count: 'working', rollOffNonWorking: true }, cal)).toBe(
      '2025-10-09',
    );
  });

  it('treats a year without data as plain weekdays', () => {
    expect(isWorkingDay('2030-01-01', cal)).toBe(true);
    expect(isWorkingDay('2030-01-05', cal)).toBe(false);
  });

  it('never gives a working-day deadline earlier than the calendar one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay('2025-01-01'), max: toEpochDay('2026-12-31') }),
        fc.integer({ min: 0, max: 60 }),
        (day, n) => {
          const start = fromEpochDay(day);
          const w = computeDeadline(start, { days: n, count: 'working', rollOffNonWorking: true }, cal);
          const c = computeDeadline(start, { days: n, count: 'calendar', rollOffNonWorking: true }, cal);
          return w >= c && isWorkingDay(w, cal) && isWorkingDay(c, cal);
        },
      ),
    );
  });
});
