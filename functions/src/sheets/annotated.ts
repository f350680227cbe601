/**
 * The uploaded ledger given back with a problem column (问题说明) after its last column, so the user
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
  const wb = new (await loadExcel()).Workbook();
  let ws: ExcelJS.Worksheet;
  if (file.format === 'xlsx') {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    ws = wb.getWorksheet(sheet.name) ?? wb.worksheets[0]!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = neutraliseFormula(cell.value);
      }),
    );
  } else {
    ws = wb.addWorksheet('台账');
    for (const r of sheet.rows) ws.addRow(r.map((c) => safeCell(c ?? '')));
  }
  const width = Math.max(ws.columnCount, ...sheet.rows.map((r) => r.length));
  const col = width + 1;
  const headerRow = ws.getRow(sheet.header.headerRow + 1);
  headerRow.getCell(col).value = PROBLEM_COLUMN;
  headerRow.getCell(col).font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getColumn(col).width = 48;
  for (const c of checked) {
    if (c.problems.length === 0) continue;
    const row = ws.getRow(c.line);
    row.getCell(col).value = c.problems.map(problemText).join('；');
    row.getCell(col).fill = SHADE;
    for (const pr of c.problems) {
      const at = sheet.header.columns[pr.field];
      if (at !== undefined) row.getCell(at + 1).fill = SHADE;
    }
  }
  const out = await wb.xlsx.writeBuffer();
  const base = meta.fileName.replace(/\.(xlsx|csv|txt)$/i, '');
  return { fileName: `${base}-问题说明.xlsx`, bytes: new Uint8Array(out as ArrayBuffer) };
}
