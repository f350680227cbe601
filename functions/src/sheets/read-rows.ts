/**
 * An uploaded spreadsheet as rows of plain cells: xlsx through exceljs (every sheet read; the caller
 * picks the one with the ledger's headers), csv in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
 * "Unicode text", tab separated) or GBK/GB18030 — a file that is not valid UTF-8 is read as GB18030,
 * which Excel in China writes and which contains GBK.
 */
import type ExcelJS from 'exceljs';
import { EdgeError } from '../app/edge-error.js';
import { loadCsvParse, loadExcel, loadIconv } from './libs.js';

/** A cell as the ledger rules read it. */
export type Cell = string | number | Date | null;

export interface Sheet {
  name: string;
  rows: Cell[][];
}

export interface ReadFile {
  format: 'xlsx' | 'csv';
  encoding: 'xlsx' | 'utf-8' | 'utf-16' | 'gb18030';
  sheets: Sheet[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const unreadable = (why: string) =>
  new EdgeError('request.invalid', `the file cannot be read: ${why}`, { field: 'file' });

/** An exceljs cell value as a plain cell: rich text and hyperlinks as their text, formulas as their result. */
export function cellOf(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellOf(v.result as ExcelJS.CellValue);
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellOf(v.text as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('not a valid xlsx workbook');
  }
  const sheets: Sheet[] = wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      const values = row.values as ExcelJS.CellValue[];
      for (let c = 1; c < values.length; c++) cells.push(cellOf(values[c]));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: ws.name, rows };
  });
  return { format: 'xlsx', encoding: 'xlsx', sheets };
}

/** Bytes of a csv as text: BOMs honoured, valid UTF-8 as UTF-8, anything else as GB18030. */
export async function decodeText(
  bytes: Uint8Array,
): Promise<{ text: string; encoding: ReadFile['encoding'] }> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: (await loadIconv()).decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

async function readCsv(bytes: Uint8Array): Promise<ReadFile> {
  const { text, encoding } = await decodeText(bytes);
  const parse = await loadCsvParse();
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch {
    throw unreadable('not a valid csv file');
  }
  const rows = records.map((r) => r.map((c) => (c.trim() === '' ? null : c)));
  return { format: 'csv', encoding, sheets: [{ name: 'csv', rows }] };
}

/** Reads an upload by its content (a zip is xlsx, an old .xls is refused, anything else is csv text). */
export async function readSpreadsheet(bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) throw unreadable('the file is empty');
  if (isZip(bytes)) return readXlsx(bytes);
  if (isOle(bytes)) {
    throw new EdgeError(
      'request.unsupportedMediaType',
      'old .xls workbooks are not read: save as .xlsx or .csv',
      {
        field: 'file',
      },
    );
  }
  return readCsv(bytes);
}
