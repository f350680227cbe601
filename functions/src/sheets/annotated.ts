/**
 * An uploaded file given back with a problem column (问题说明) after its last column, so the user
 * fixes the file they know (DESIGN §7): an xlsx keeps its sheets, formats and other columns, the
 * problem cells shaded; a csv comes back as an xlsx of the same rows. Rows are checked again on
 * download, against the jurisdiction as it is then. Its text cells are written so no spreadsheet takes
 * them for formulas (neutraliseFormula), the rows of a csv and the text cells of an xlsx alike; an xlsx's
 * own formulas (formula cells, not text) stay the user's.
 */
import { neutraliseFormula, safeCell } from '@jiandu/shared';
import type ExcelJS from 'exceljs';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { checkLedger } from './ledger-import.js';
import { problemText } from './ledger-rows.js';
import { loadExcel } from './libs.js';
import type { Cell, ReadFile } from './read-rows.js';
import { readUpload } from './uploads.js';

export const PROBLEM_COLUMN = '问题说明';
const SHADE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

export async function annotatedLedger(
  deps: Deps,
  p: Principal,
  uploadId: string,
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const { meta, bytes } = await readUpload(deps, p, uploadId);
  const { file, sheet, checked } = await checkLedger(deps, p, bytes);
  const marks = checked
    .filter((c) => c.problems.length > 0)
    .map((c) => ({
      line: c.line,
      text: c.problems.map(problemText).join('；'),
      columns: c.problems.flatMap((pr) => {
        const at = sheet.header.columns[pr.field];
        return at === undefined ? [] : [at];
      }),
    }));
  const out = await annotateWorkbook(bytes, file.format, [
    { name: sheet.name, csvName: '台账', rows: sheet.rows, headerRow: sheet.header.headerRow, marks },
  ]);
  return { fileName: annotatedName(meta.fileName), bytes: out };
}

/** The annotated file's name: the upload's, marked, as xlsx. */
export const annotatedName = (fileName: string) =>
  `${fileName.replace(/\.(xlsx|csv|txt)$/i, '')}-问题说明.xlsx`;

/** One sheet to annotate: its rows as read, its header row (0-based) and each problem row's mark. */
export interface AnnotatedSheet {
  /** The sheet's name in an xlsx upload. */
  name: string;
  /** The sheet's name in the workbook made of a csv upload. */
  csvName: string;
  rows: readonly (readonly Cell[])[];
  headerRow: number;
  /** A row's problems in words, and the columns (0-based) they are about, shaded. */
  marks: readonly { line: number; text: string; columns: readonly number[] }[];
}

/**
 * The uploaded bytes back with a 问题说明 column on each sheet given (the ledger's one sheet, or the
 * organisation import's two): an xlsx keeps everything else; a csv becomes a workbook of its rows.
 */
export async function annotateWorkbook(
  bytes: Uint8Array,
  format: ReadFile['format'],
  sheets: readonly AnnotatedSheet[],
): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new (await loadExcel()).Workbook();
  if (format === 'xlsx') await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  for (const sheet of sheets) {
    let ws: ExcelJS.Worksheet;
    if (format === 'xlsx') {
      ws = wb.getWorksheet(sheet.name) ?? wb.worksheets[0]!;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') cell.value = neutraliseFormula(cell.value);
        }),
      );
    } else {
      ws = wb.addWorksheet(sheet.csvName);
      for (const r of sheet.rows) ws.addRow(r.map((c) => safeCell(c ?? '')));
    }
    const width = Math.max(ws.columnCount, ...sheet.rows.map((r) => r.length));
    const col = width + 1;
    const headerRow = ws.getRow(sheet.headerRow + 1);
    headerRow.getCell(col).value = PROBLEM_COLUMN;
    headerRow.getCell(col).font = { bold: true, color: { argb: 'FFC00000' } };
    ws.getColumn(col).width = 48;
    for (const m of sheet.marks) {
      const row = ws.getRow(m.line);
      row.getCell(col).value = m.text;
      row.getCell(col).fill = SHADE;
      for (const at of m.columns) row.getCell(at + 1).fill = SHADE;
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
