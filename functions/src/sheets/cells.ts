/**
 * Cells as a spreadsheet user expects them: times and dates as Excel dates (a number with a date format,
 * so they sort, filter and compute), rates as numbers with a percentage format. Excel dates carry no time
 * zone: an instant is written as the wall-clock time of the scheme's time zone (scheme data, DESIGN §4).
 */
import { instantMs, offsetMs } from '@jiandu/shared';

/** The number formats a column may carry (xlsx-stream applies them as the column's style). */
export const NUM_FMT = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  percent: '0.00%',
} as const;
export type CellFormat = keyof typeof NUM_FMT;

/**
 * An instant as the Date whose UTC fields are its local wall clock in `timeZone` (exceljs writes a Date's
 * UTC fields as the Excel serial).
 */
export function instantCell(iso: string | null | undefined, timeZone: string): Date | null {
  if (iso == null) return null;
  const ms = instantMs(iso);
  return new Date(ms + offsetMs(ms, timeZone));
}

/** A local date (YYYY-MM-DD) as an Excel date. */
export function dateCell(date: string | null | undefined): Date | null {
  if (date == null) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A rate in basis points (1 bp = 0.01%) as the fraction a percentage format shows. */
export const bpCell = (bp: number | null | undefined): number | null => (bp == null ? null : bp / 10_000);

/** A rate written as decimal text ("0.6000") as the fraction a percentage format shows. */
export const fractionCell = (text: string | null | undefined): number | null =>
  text == null || text === '' || !Number.isFinite(Number(text)) ? null : Number(text);
