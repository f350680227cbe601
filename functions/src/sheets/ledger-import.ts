/**
 * Import of a rectification ledger (整改台账, DESIGN §7): read the file, find the ledger's header row,
 * check every row (nothing is written on a dry run), keep the upload for its annotated download, and on
 * commit write the valid rows through the idempotent ingestion (ledger-ingest.ts). The answer is a
 * report, row by row.
 */
import { createHash } from 'node:crypto';
import {
  type HeaderMatch,
  type LedgerField,
  localDateOf,
  matchLedgerHeaders,
  type Role,
} from '@jiandu/shared';
import type { LedgerImportReport, LedgerReportRow } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { actingRole, type Principal } from '../auth/principal.js';
import { recordImportRun } from '../services/migrations/import-runs.js';
import { scopeOf } from '../services/org/jurisdiction.js';
import { ingestLedgerRows } from './ledger-ingest.js';
import { type CheckedRow, checkRows, dataRowCount, type RowContext } from './ledger-rows.js';
import { logOperation } from './oplog.js';
import { type Cell, type ReadFile, readSpreadsheet } from './read-rows.js';
import { UnitMatcher } from './unit-matcher.js';
import { keepUpload } from './uploads.js';

export const MAX_IMPORT_ROWS = 10_000;
/** The size cap of an upload (uploads.ts says why). */

/** A row's outcome and the report of an import (`@jiandu/shared/api`). */
export type RowStatus = LedgerReportRow['status'];
export type { LedgerImportReport as ImportReport, LedgerReportRow as ReportRow };

export function importerRole(p: Principal): Role {
  return actingRole(p, 'ledger.import');
}

/** The sheet holding the ledger: the first whose header row names the ledger's columns. */
export function ledgerSheet(file: ReadFile): { name: string; rows: Cell[][]; header: HeaderMatch } {
  for (const s of file.sheets) {
    const header = matchLedgerHeaders(s.rows);
    if (header) return { name: s.name, rows: s.rows, header };
  }
  throw new EdgeError('import.noHeader', 'no row names the ledger columns (问题描述, 责任单位, 整改时限 …)', {
    field: 'file',
  });
}

/** The file read and every row checked against the caller's jurisdiction. */
export async function checkLedger(deps: Deps, p: Principal, bytes: Uint8Array) {
  const file = await readSpreadsheet(bytes);
  const sheet = ledgerSheet(file);
  const { header } = sheet;
  if (header.missing.length > 0) {
    throw new EdgeError('import.missingColumns', `the ledger has no column ${header.missing.join(', ')}`, {
      field: header.missing[0]!,
      extra: { missing: header.missing },
    });
  }
  const count = dataRowCount(sheet.rows, header.headerRow);
  if (count > MAX_IMPORT_ROWS) {
    throw new EdgeError('import.tooManyRows', `${count} rows: at most ${MAX_IMPORT_ROWS} a file`, {
      field: 'file',
    });
  }
  const { tree, paths } = await deps.units.treeAndPaths();
  const matcher = new UnitMatcher(tree, paths, await scopeOf(deps, p));
  const scheme = await deps.scheme();
  const ctx: RowContext = {
    nowMs: deps.clock(),
    timeZone: scheme.timeZone,
    rules: scheme.migration,
    establishedOn: (id) => tree.byId.get(id)?.establishedOn,
  };
  return { file, sheet, checked: checkRows(sheet.rows, header, matcher, ctx), paths };
}

export async function importLedger(
  deps: Deps,
  p: Principal,
  upload: { bytes: Uint8Array; fileName: string },
  dryRun: boolean,
): Promise<LedgerImportReport> {
  const role = importerRole(p);
  const { file, sheet, checked, paths } = await checkLedger(deps, p, upload.bytes);
  const at = await nowIso(deps);
  const kept = await keepUpload(deps, p, upload.bytes, upload.fileName, at);
  const rows: LedgerReportRow[] = checked.map((c: CheckedRow) => ({
    line: c.line,
    status: c.row ? 'valid' : 'problem',
    problems: c.problems,
    ...(c.row ? { unitId: c.row.unitId } : {}),
    ...(c.row?.closure ? { closure: c.row.closure } : {}),
  }));
  const timeZone = (await deps.scheme()).timeZone;
  const today = localDateOf(at, timeZone);
  // Closed rows are never overdue: only open rows past their deadline are warned of.
  const pastDeadline = checked.filter((c) => c.row && !c.row.closure && c.row.deadline < today).length;
  const closed = checked.filter((c) => c.row?.closure).length;
  if (!dryRun) {
    const valid = checked.flatMap((c, i) =>
      c.row ? [{ i, row: c.row, unitPath: paths.get(c.row.unitId)!, line: c.line }] : [],
    );
    const fileSha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const outcomes = await ingestLedgerRows(deps, p, role, valid, at, today, {
      importId: kept.id,
      fileSha256,
      timeZone,
    });
    valid.forEach((v, k) => {
      const o = outcomes[k]!;
      rows[v.i] = {
        ...rows[v.i]!,
        status: o.status,
        ...(o.status !== 'conflict' ? { rectificationId: o.id } : {}),
      };
    });
    // 迁移记录 (services/migrations/import-runs.ts): what this commit did, and the quarters it touched.
    const created = outcomes.flatMap((o) => (o.status === 'created' ? [o] : []));
    await recordImportRun(deps, p, role, {
      kind: 'ledger',
      uploadId: kept.id,
      fileName: upload.fileName,
      sha256: fileSha256,
      at,
      scopeUnitId: p.unitId,
      rows: {
        in: rows.length,
        refused: rows.length - valid.length,
        created: created.length,
        updated: 0,
        unchanged: outcomes.filter((o) => o.status === 'duplicate').length,
      },
      created: { rectification: created.length },
      quarters: created.flatMap((o) => o.quarters),
    });
    await logOperation(deps, p, role, {
      at,
      action: 'import',
      target: 'rectification-ledger',
      filter: { fileName: upload.fileName },
      rows: outcomes.filter((o) => o.status === 'created').length,
      outcome: 'complete',
      scopeUnitId: p.unitId,
    });
  }
  const count = (s: RowStatus) => rows.filter((r) => r.status === s).length;
  const { header } = sheet;
  const headerCells = sheet.rows[header.headerRow] ?? [];
  const columns: Partial<Record<LedgerField, string>> = {};
  for (const [f, c] of Object.entries(header.columns))
    columns[f as LedgerField] = String(headerCells[c] ?? '').trim();
  return {
    id: kept.id,
    dryRun,
    fileName: upload.fileName,
    format: file.format,
    encoding: file.encoding,
    sheet: sheet.name,
    headerRow: header.headerRow + 1,
    columns,
    ignoredColumns: header.unknown,
    counts: {
      rows: rows.length,
      valid: rows.length - count('problem'),
      problems: count('problem'),
      created: count('created'),
      duplicate: count('duplicate'),
      pastDeadline,
      closed,
    },
    rows,
    annotated: `/api/v1/imports/${kept.id}/annotated`,
  };
}
