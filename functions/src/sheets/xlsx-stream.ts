/**
 * An xlsx written while it is read: exceljs's streaming WorkbookWriter into a PassThrough that becomes
 * the HTTP response body. Rows come page by page (a list's cursor pages) and each is committed (and
 * forgotten) as it is written; after every page the producer waits while the response is not being
 * read, so memory holds about one page and the zip's buffers, whatever the row count. Every text cell
 * is written so no spreadsheet evaluates it (neutraliseFormula: OWASP CSV injection); numbers stay numbers.
 */
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { neutraliseFormula, safeCell } from '@jiandu/shared';
import { type CellFormat, NUM_FMT } from './cells.js';
import { loadExcel } from './libs.js';

export type CellValue = string | number | boolean | Date | null;

export interface Column<T> {
  header: string;
  width?: number;
  /** A number format for the column's cells (an Excel date, a percentage); text and plain numbers have none. */
  format?: CellFormat;
  /** The cell of a row; `n` is the row's number in the sheet (1 for the first data row: 序号). */
  value: (row: T, n: number) => CellValue | undefined;
}

export interface SheetSource<T> {
  name: string;
  columns: readonly Column<T>[];
  /** The rows, a page at a time. */
  pages: AsyncIterable<readonly T[]>;
}

/** Waits until the stream wants more (or is gone). */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * The workbook as a web stream. `onEnd` is called once, with the number of data rows written: after the
 * last byte of the workbook was handed on and before the response ends (ok) — so a Lambda, which
 * returns once the body has ended, has written the operation log by then — or when the stream broke off
 * (not ok). An export whose log cannot be written is not completed: the log is the record of it.
 */
export async function streamWorkbook(
  // biome-ignore lint/suspicious/noExplicitAny: each sheet has its own row type
  sheets: readonly SheetSource<any>[],
  onEnd: (rows: number, ok: boolean) => Promise<void>,
): Promise<ReadableStream<Uint8Array>> {
  const ExcelJS = await loadExcel();
  // exceljs ends the stream it writes to; the response must outlive it until the log is written.
  const zip = new PassThrough();
  const out = new PassThrough({ highWaterMark: 64 * 1024 });
  zip.pipe(out, { end: false });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zip,
    // Styles carry the columns' number formats (dates, percentages): one shared style per format.
    useStyles: true,
    useSharedStrings: false,
  });
  let rows = 0;
  const produce = async () => {
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = s.columns.map((c, i) => ({
        header: neutraliseFormula(c.header),
        key: `c${i}`,
        width: c.width ?? 16,
        ...(c.format ? { style: { numFmt: NUM_FMT[c.format] } } : {}),
      }));
      let n = 0;
      for await (const page of s.pages) {
        if (out.destroyed) throw new Error('the reader went away');
        for (const r of page) {
          n++;
          ws.addRow(s.columns.map((c) => safeCell(c.value(r, n) ?? null))).commit();
          rows++;
        }
        await drained(out);
      }
      ws.commit();
    }
    await wb.commit();
    await finished(zip);
  };
  const fail = async (e: unknown) => {
    zip.destroy();
    out.destroy(e instanceof Error ? e : new Error(String(e)));
    await onEnd(rows, false);
  };
  produce()
    .then(async () => {
      await onEnd(rows, true);
      out.end();
    }, fail)
    .catch((e: unknown) => fail(e).catch(() => undefined));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Pages of a cursor-paged list, the first one already read (so a refused request never starts a stream). */
export async function* pagesOf<T>(
  first: { items: readonly T[]; cursor: string | null },
  next: (cursor: string) => Promise<{ items: readonly T[]; cursor: string | null }>,
): AsyncIterable<readonly T[]> {
  let page = first;
  yield page.items;
  while (page.cursor) {
    page = await next(page.cursor);
    yield page.items;
  }
}
