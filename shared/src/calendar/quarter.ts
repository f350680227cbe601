/** Quarters of the calendar year. Q4 of one year and Q1 of the next are consecutive. */
import { DomainError } from '../errors/index.js';
import { daysBetween, type LocalDate, maxDate, minDate, parseLocalDate } from './local-date.js';

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** "2025Q1" */
export type QuarterKey = string;

const KEY_RE = /^(\d{4})Q([1-4])$/;

export const quarterKey = (q: Quarter): QuarterKey => `${q.year}Q${q.quarter}`;

export function parseQuarter(key: string): Quarter {
  const m = KEY_RE.exec(key);
  if (!m) throw new DomainError('calendar.invalidQuarter', `not a quarter: ${key}`, { field: 'quarter' });
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
}

export const isQuarterKey = (s: string): boolean => KEY_RE.test(s);

export function quarterOfDate(date: LocalDate): Quarter {
  const { year, month } = parseLocalDate(date);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

const pad = (n: number) => String(n).padStart(2, '0');
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

/** First and last local day of the quarter (both inclusive). */
export function quarterBounds(q: Quarter): { first: LocalDate; last: LocalDate } {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  return { first: `${q.year}-${pad(firstMonth)}-01`, last: `${q.year}-${LAST_DAY[q.quarter - 1]}` };
}

export const quarterIndex = (q: Quarter): number => q.year * 4 + (q.quarter - 1);

export const quarterFromIndex = (i: number): Quarter => ({
  year: Math.floor(i / 4),
  quarter: ((i % 4) + 1) as Quarter['quarter'],
});

export const nextQuarter = (q: Quarter): Quarter => quarterFromIndex(quarterIndex(q) + 1);
export const prevQuarter = (q: Quarter): Quarter => quarterFromIndex(quarterIndex(q) - 1);
export const compareQuarters = (a: Quarter, b: Quarter): number => quarterIndex(a) - quarterIndex(b);
/** True when `b` is the quarter right after `a`. */
export const areConsecutive = (a: Quarter, b: Quarter): boolean => quarterIndex(b) - quarterIndex(a) === 1;

/** Quarters from `a` to `b`, both inclusive (empty when b < a). */
export function quartersBetween(a: Quarter, b: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let i = quarterIndex(a); i <= quarterIndex(b); i++) out.push(quarterFromIndex(i));
  return out;
}

export const dateInQuarter = (date: LocalDate, q: Quarter): boolean => {
  const { first, last } = quarterBounds(q);
  return date >= first && date <= last;
};

/**
 * Number of local days of the inclusive span [from, to] (to = null: still running) that fall inside q.
 * Used for "days in post" in a quarter.
 */
export function daysInQuarter(from: LocalDate, to: LocalDate | null, q: Quarter): number {
  const { first, last } = quarterBounds(q);
  const a = maxDate(from, first);
  const b = to === null ? last : minDate(to, last);
  return b < a ? 0 : daysBetween(a, b) + 1;
}
