/**
 * Local date of an instant in any IANA time zone, and the instant a local day starts. Pure: built on
 * Intl with the instant passed in; no clock is read.
 */
import { DomainError } from '../errors/index.js';
import {
  addDays,
  fromEpochDay,
  type Instant,
  instantMs,
  type LocalDate,
  parseLocalDate,
} from './local-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new DomainError('calendar.invalidTimeZone', `unknown time zone: ${timeZone}`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): Wall {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function localDateOfMs(ms: number, timeZone: string): LocalDate {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local calendar date of an instant in `timeZone`. */
export function localDateOf(instant: Instant | number, timeZone: string): LocalDate {
  return localDateOfMs(typeof instant === 'number' ? instant : instantMs(instant), timeZone);
}

/** Offset of `timeZone` from UTC at `ms`, in milliseconds (east positive). */
export function offsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const dayStarts = new Map<string, number>();

/** The first instant (epoch ms) of local day `date` in `timeZone`; handles DST gaps at midnight. */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  const hit = dayStarts.get(key);
  if (hit !== undefined) return hit;
  const { year, month, day } = parseLocalDate(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  let guess = utcMidnight - offsetMs(utcMidnight, timeZone);
  guess = utcMidnight - offsetMs(guess, timeZone);
  let result = guess;
  if (localDateOfMs(guess, timeZone) !== date || localDateOfMs(guess - 1000, timeZone) === date) {
    // Midnight does not exist or is ambiguous here: search the first second whose local date is `date`.
    let lo = utcMidnight - 36 * 3_600_000;
    let hi = utcMidnight + 36 * 3_600_000;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (localDateOfMs(mid, timeZone) >= date) hi = mid;
      else lo = mid;
    }
    result = hi;
  }
  dayStarts.set(key, result);
  return result;
}

/**
 * A deadline means the end of that local day: the instant the next day starts (exclusive bound).
 * Something done at `t` is on time for deadline `date` iff `t < endOfLocalDay(date)`.
 */
export const endOfLocalDay = (date: LocalDate, timeZone: string): number =>
  startOfLocalDay(addDays(date, 1), timeZone);

/** ISO 8601 rendering of an instant with the zone's offset at that instant, e.g. 2025-03-31T23:59:59+08:00. */
export function formatInstant(ms: number, timeZone: string): Instant {
  const off = offsetMs(ms, timeZone);
  const w = wallClock(ms, timeZone);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off) / 60_000;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export { fromEpochDay };
