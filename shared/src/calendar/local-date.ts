/**
 * Local dates ("2025-03-31") and instants (ISO 8601 with offset). A local date is a calendar day in the
 * scheme's time zone; day arithmetic is done on epoch days, so it is exact and zone-free.
 */
import { DomainError } from '../errors/index.js';

export type LocalDate = string;
/** ISO 8601 instant with an explicit offset or Z, e.g. "2025-03-31T23:59:59+08:00". */
export type Instant = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function isInstant(s: string): boolean {
  return INSTANT_RE.test(s) && Number.isFinite(Date.parse(s));
}

export function parseLocalDate(s: string): { year: number; month: number; day: number } {
  if (!isLocalDate(s)) throw new DomainError('calendar.invalidDate', `not a date: ${s}`);
  const m = DATE_RE.exec(s)!;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Milliseconds since the epoch of an ISO instant. */
export function instantMs(s: Instant): number {
  if (!isInstant(s))
    throw new DomainError('calendar.invalidInstant', `not an ISO 8601 instant with offset: ${s}`);
  return Date.parse(s);
}

export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromEpochDay(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (date: LocalDate, n: number): LocalDate => fromEpochDay(toEpochDay(date) + n);

/** Whole days from `a` to `b` (b − a). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => toEpochDay(b) - toEpochDay(a);

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: LocalDate): number => (((toEpochDay(date) + 4) % 7) + 7) % 7;

export const compareDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);
