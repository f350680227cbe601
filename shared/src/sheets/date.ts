/**
 * Dates as people type them in a ledger (整改时限): an Excel serial (1900 date system), 2018-06-30,
 * 2018/6/30, 2018.6.30, 2018年6月30日, 20180630, or a Date read from an xlsx date cell. The result is a
 * local date (YYYY-MM-DD) — a deadline is a day, never an instant.
 */
import { isLocalDate } from '../calendar/local-date.js';

export type DateResult = { ok: true; date: string | null } | { ok: false; code: 'date.invalid' };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Serials of 1900-01-01 … 9999-12-31. */
const MAX_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;
/** Serial 0 of the 1900 system counted past its fictitious 1900-02-29: 1899-12-30. */
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);

/**
 * The day of an Excel serial in the 1900 date system. Excel (after Lotus 1-2-3) counts 1900 as a leap
 * year: serial 60 is the non-existent 1900-02-29 (refused), serials below it are one day later than a
 * plain count from 1899-12-30 would say. A time of day (the fraction) is dropped.
 */
export function dateOfExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  const t = new Date(EPOCH_AFTER_LEAP_BUG + (day < 60 ? day + 1 : day) * DAY_MS);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The serial Excel stores for a day (the inverse of dateOfExcelSerial). */
export function excelSerialOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = Math.round((Date.UTC(y, m - 1, d) - EPOCH_AFTER_LEAP_BUG) / DAY_MS);
  return days < 61 ? days - 1 : days;
}

const FULL_WIDTH = /[０-９／－．]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const PATTERNS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

function checked(y: number, m: number, d: number): DateResult {
  const s = ymd(y, m, d);
  return isLocalDate(s) && y >= 1900 ? { ok: true, date: s } : { ok: false, code: 'date.invalid' };
}

/**
 * Parses a date cell; empty → date null. A Date (exceljs reads date cells as UTC midnight of the day) is
 * taken by its UTC calendar day, after rounding off sub-second noise.
 */
export function parseLedgerDate(cell: string | number | Date | null | undefined): DateResult {
  if (cell === null || cell === undefined) return { ok: true, date: null };
  if (cell instanceof Date) {
    const ms = cell.getTime();
    if (Number.isNaN(ms)) return { ok: false, code: 'date.invalid' };
    const t = new Date(Math.round(ms / 1000) * 1000);
    return checked(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  if (typeof cell === 'number') {
    const date = dateOfExcelSerial(cell);
    return date ? { ok: true, date } : { ok: false, code: 'date.invalid' };
  }
  const s = halfWidth(cell)
    .trim()
    .replace(/[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, '')
    .replace(/[\s\u3000]/g, '');
  if (s === '') return { ok: true, date: null };
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // A serial saved as text (a csv of a date column formatted "General").
  if (/^\d{1,7}(\.\d+)?$/.test(s)) return parseLedgerDate(Number(s));
  return { ok: false, code: 'date.invalid' };
}
