/**
 * The working-day calendar (DESIGN §4): weekends are rest days, statutory holidays (法定节假日) are rest
 * days, and make-up working days (调休上班) are working days even on a weekend. The per-year lists are
 * scheme data. A year the scheme has no list for is treated as plain weekdays/weekends.
 */
import { addDays, dayOfWeek, type LocalDate } from './local-date.js';

export interface WorkingCalendarYear {
  holidays: LocalDate[];
  makeupWorkdays: LocalDate[];
}

/** Per year ("2025") the holiday and make-up working day lists. */
export type WorkingCalendar = Record<string, WorkingCalendarYear>;

/** How a deadline is computed from its start date. */
export interface DeadlineRule {
  days: number;
  count: 'calendar' | 'working';
  /** Whether a computed deadline that falls on a non-working day moves to the next working day. */
  rollOffNonWorking: boolean;
}

const indexes = new WeakMap<WorkingCalendar, { holidays: Set<string>; makeup: Set<string> }>();

function index(cal: WorkingCalendar) {
  let ix = indexes.get(cal);
  if (!ix) {
    ix = { holidays: new Set(), makeup: new Set() };
    for (const y of Object.values(cal)) {
      for (const d of y.holidays) ix.holidays.add(d);
      for (const d of y.makeupWorkdays) ix.makeup.add(d);
    }
    indexes.set(cal, ix);
  }
  return ix;
}

export function isWorkingDay(date: LocalDate, cal: WorkingCalendar): boolean {
  const ix = index(cal);
  if (ix.makeup.has(date)) return true;
  if (ix.holidays.has(date)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/** The date itself if it is a working day, else the next working day. */
export function rollToWorkingDay(date: LocalDate, cal: WorkingCalendar): LocalDate {
  let d = date;
  // A year has at most a few weeks of consecutive rest days; bound the walk anyway.
  for (let i = 0; i < 366 && !isWorkingDay(d, cal); i++) d = addDays(d, 1);
  return d;
}

/** N working days after `date` (the start day itself is not counted). */
export function addWorkingDays(date: LocalDate, n: number, cal: WorkingCalendar): LocalDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** The deadline (a local date; it ends at the end of that day) `rule` gives counting from `start`. */
export function computeDeadline(start: LocalDate, rule: DeadlineRule, cal: WorkingCalendar): LocalDate {
  const d = rule.count === 'working' ? addWorkingDays(start, rule.days, cal) : addDays(start, rule.days);
  return rule.rollOffNonWorking ? rollToWorkingDay(d, cal) : d;
}
