/**
 * The horizon of a rectification (RectificationFacts.horizon): the last quarter its "open and overdue at
 * quarter end" count is materialized for. Aggregates equal a rebuild from records only if every writer
 * moves it the same way, so the rule is stated here once:
 * - a new record starts at the later of today's quarter and its deadline's quarter;
 * - every later write (a workflow step, the daily advance) moves it to today's quarter, never back — a
 *   record closed before the daily advance ran still counts the quarter ends it was open and overdue at.
 */
import type { LocalDate } from '../calendar/local-date.js';
import {
  compareQuarters,
  parseQuarter,
  type QuarterKey,
  quarterKey,
  quarterOfDate,
} from '../calendar/quarter.js';

/** The quarter of a local date, as a key. */
export const quarterOfDay = (date: LocalDate): QuarterKey => quarterKey(quarterOfDate(date));

/** The later of two quarter keys. */
export const laterQuarter = (a: QuarterKey, b: QuarterKey): QuarterKey =>
  compareQuarters(parseQuarter(a), parseQuarter(b)) >= 0 ? a : b;

/** The horizon a new rectification starts with, `todayLocal` in the scheme's time zone. */
export const initialHorizon = (todayLocal: LocalDate, deadline: LocalDate): QuarterKey =>
  laterQuarter(quarterOfDay(todayLocal), quarterOfDay(deadline));

/** The horizon after a write on `todayLocal` to a record whose horizon is `current`. */
export const nextHorizon = (current: QuarterKey, todayLocal: LocalDate): QuarterKey =>
  laterQuarter(current, quarterOfDay(todayLocal));
