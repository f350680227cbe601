/**
 * Times as people type them in a past-records sheet (收到时间, 受理时间, 发布时间 …): anything
 * parseLedgerDate reads as a day, with an optional time of day (2024-03-05 09:30, 2024/3/5 9:30:15,
 * 2024年3月5日 09:30), an Excel date-time (a Date cell or a serial with a fraction), or an ISO instant with
 * its offset. A wall-clock time is read in the scheme's zone. A day without a time is reported as such:
 * the importer decides which instant of the day it stands for.
 */
import { isInstant } from '../calendar/local-date.js';
import { formatInstant, startOfLocalDay } from '../calendar/time-zone.js';
import { parseLedgerDate } from './date.js';

export type TimeResult =
  | { ok: true; value: null }
  | { ok: true; value: { instant: string; date: string; dateOnly: boolean } }
  | { ok: false; code: 'date.invalid' };

const TIME = /[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

function at(date: string, seconds: number, timeZone: string) {
  const ms = startOfLocalDay(date, timeZone) + seconds * 1000;
  return { instant: formatInstant(ms, timeZone), date, dateOnly: false };
}

export function parseSheetTime(
  cell: string | number | Date | null | undefined,
  timeZone: string,
): TimeResult {
  if (cell === null || cell === undefined) return { ok: true, value: null };
  const day = parseLedgerDate(cell);
  if (!day.ok) {
    if (typeof cell === 'string' && isInstant(cell.trim())) {
      const ms = Date.parse(cell.trim());
      const instant = formatInstant(ms, timeZone);
      return { ok: true, value: { instant, date: instant.slice(0, 10), dateOnly: false } };
    }
    return day;
  }
  if (day.date === null) return { ok: true, value: null };
  const date = day.date;
  // exceljs reads a date-time cell as the UTC instant whose UTC fields are the wall clock.
  if (cell instanceof Date) {
    const s = Math.round(cell.getTime() / 1000) % 86_400;
    return { ok: true, value: s === 0 ? dateOnly(date, timeZone) : at(date, s, timeZone) };
  }
  if (typeof cell === 'number') {
    const s = Math.round((cell - Math.floor(cell)) * 86_400);
    return { ok: true, value: s === 0 || s === 86_400 ? dateOnly(date, timeZone) : at(date, s, timeZone) };
  }
  const m = TIME.exec(cell.trim());
  if (!m) return { ok: true, value: dateOnly(date, timeZone) };
  const [h, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return { ok: false, code: 'date.invalid' };
  return { ok: true, value: at(date, h * 3600 + min * 60 + sec, timeZone) };
}

const dateOnly = (date: string, timeZone: string) => ({
  instant: formatInstant(startOfLocalDay(date, timeZone), timeZone),
  date,
  dateOnly: true,
});
