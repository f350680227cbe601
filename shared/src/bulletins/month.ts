/**
 * Months of the monthly bulletin (通报每月工作进度, seed 001): "2025-05", its first and last local day,
 * and when the bulletin of a month is due — on the scheme's day of the next month (`bulletins.dayOfMonth`).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import { DEFAULT_SCHEME } from '../scheme/default-scheme.js';
import type { Scheme } from '../scheme/scheme.js';

export type MonthKey = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonthKey = (s: string): boolean => MONTH_RE.test(s);

function parts(month: MonthKey): [number, number] {
  const m = MONTH_RE.exec(month);
  if (!m) throw new DomainError('bulletin.invalidMonth', `not a month: ${month}`, { field: 'month' });
  return [Number(m[1]), Number(m[2])];
}

const key = (y: number, m: number): MonthKey => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;

export const monthOf = (date: LocalDate): MonthKey => date.slice(0, 7);

export const firstDayOf = (month: MonthKey): LocalDate => {
  parts(month);
  return `${month}-01`;
};

export function lastDayOf(month: MonthKey): LocalDate {
  const [y, m] = parts(month);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

export function addMonths(month: MonthKey, n: number): MonthKey {
  const [y, m] = parts(month);
  const i = y * 12 + (m - 1) + n;
  return key(Math.floor(i / 12), (i % 12) + 1);
}

/**
 * The day of the month the bulletin of the month before is issued. Scheme data; a scheme stored before
 * the field existed falls back to the default scheme's day.
 */
export const bulletinDay = (scheme: Partial<Pick<Scheme, 'bulletins'>>): number =>
  scheme.bulletins?.dayOfMonth ?? DEFAULT_SCHEME.bulletins.dayOfMonth;

/** The local day the bulletin of `month` is due: the scheme's day of the month after. */
export const bulletinDueOn = (month: MonthKey, scheme: Partial<Pick<Scheme, 'bulletins'>>): LocalDate =>
  `${addMonths(month, 1)}-${String(bulletinDay(scheme)).padStart(2, '0')}`;

/**
 * The months whose bulletin is due on `today`, oldest first, looking back `lookback` months — so a
 * schedule that was off on the day (or for a whole month) still issues them, once, at its next run.
 */
export function monthsDueForBulletin(
  today: LocalDate,
  scheme: Partial<Pick<Scheme, 'bulletins'>>,
  lookback = 2,
): MonthKey[] {
  const out: MonthKey[] = [];
  for (let i = 1; i <= lookback; i++) {
    const m = addMonths(monthOf(today), -i);
    if (today >= bulletinDueOn(m, scheme)) out.unshift(m);
  }
  return out;
}
