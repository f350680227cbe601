/**
 * 组织机构导入 (issue 14): a county's units and who held their posts, from one workbook (a 单位 sheet and
 * a 人员任职 sheet, or a csv of either). A dry run (the default) checks every row and writes nothing; a
 * commit writes the rows without problems through the org services (units parents first, then
 * tenures), each written record found again by its natural key, so importing the same file twice
 * changes nothing the second time and a run that failed half-way is completed by the next.
 */
import { createHash } from 'node:crypto';
import {
  matchTenureHeaders,
  matchUnitHeaders,
  type OrgHeaderMatch,
  type Role,
  type TenureSheetField,
  type UnitSheetField,
} from '@jiandu/shared';
import type { OrgImportReport, OrgReportRow, OrgSheetCounts } from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import { nowIso } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { actingRole, type Principal } from '../auth/principal.js';
import { recordImportRun } from '../services/migrations/import-runs.js';
import { scopeOf } from '../services/org/jurisdiction.js';
import { namesOf } from '../services/org/names.js';
import { createTenure, createUnits, tenuresOf } from '../services/org/org.js';
import { MAX_IMPORT_ROWS } from './ledger-import.js';
import { logOperation } from './oplog.js';
import type { OrgWorld, PlannedTenure, PlannedUnit } from './org-plan.js';
import { planTenures } from './org-plan-tenures.js';
import { planUnits } from './org-plan-units.js';
import { readRows, readTenureRow, readUnitRow } from './org-rows.js';
import { type Cell, type ReadFile, readSpreadsheet } from './read-rows.js';
import { keepUpload } from './uploads.js';

/** createUnits' own transaction size: one call per transaction. */
const UNITS_A_TRANSACTION = 50;

/** The operation log's target of this import. */
export const ORG_IMPORT_TARGET = 'organisation';

export const orgImporterRole = (p: Principal): Role => actingRole(p, 'org.import');

export interface FoundSheet<F extends string> {
  name: string;
  rows: Cell[][];
  header: OrgHeaderMatch<F>;
}

export interface OrgSheets {
  units: FoundSheet<UnitSheetField> | null;
  tenures: FoundSheet<TenureSheetField> | null;
}

/** The 单位 and 人员任职 sheets, told by their headers (the first sheet of each kind). */
export function orgSheets(file: ReadFile): OrgSheets {
  const found: OrgSheets = { units: null, tenures: null };
  for (const s of file.sheets) {
    const units = found.units ? null : matchUnitHeaders(s.rows);
    if (units) {
      found.units = { name: s.name, rows: s.rows, header: units };
      continue;
    }
    const tenures = found.tenures ? null : matchTenureHeaders(s.rows);
    if (tenures) found.tenures = { name: s.name, rows: s.rows, header: tenures };
  }
  if (!found.units && !found.tenures) {
    throw new EdgeError(
      'import.noHeader',
      'no sheet names the columns of units (单位名称, 上级单位 …) or of posts (姓名, 单位, 职务 …)',
      { field: 'file' },
    );
  }
  const missing = [...(found.units?.header.missing ?? []), ...(found.tenures?.header.missing ?? [])];
  if (missing.length > 0) {
    throw new EdgeError('import.missingColumns', `the workbook has no column ${missing.join(', ')}`, {
      field: missing[0]!,
      extra: { missing },
    });
  }
  return found;
}

/** What the system holds that the plan reads: the tree, the jurisdiction, the clock and scheme, tenures. */
async function worldOf(deps: Deps, p: Principal): Promise<OrgWorld> {
  const { tree, paths } = await deps.units.treeAndPaths();
  const scheme = await deps.scheme();
  return {
    tree,
    pathOf: (id) => paths.get(id) ?? null,
    scope: await scopeOf(deps, p),
    nowMs: deps.clock(),
    rules: scheme.migration,
    timeZone: scheme.timeZone,
    personIdOf: (name, key) => `p-${deps.pii.matchKey(`org-person\u0000${name}\u0000${key}`).slice(0, 32)}`,
    tenuresAt: async (unitId) => {
      const list = await tenuresOf(deps, unitId);
      const names = await namesOf(
        deps,
        'person',
        list.map((t) => t.personId),
      );
      return list.map((t) => ({ ...t, personName: names.get(t.personId) ?? null }));
    },
  };
}

/** The file read, its sheets found and every row planned against the system as it is now. */
export async function checkOrg(deps: Deps, p: Principal, bytes: Uint8Array) {
  const file = await readSpreadsheet(bytes);
  const sheets = orgSheets(file);
  const unitRows = sheets.units ? readRows(sheets.units.rows, sheets.units.header, readUnitRow) : [];
  const tenureRows = sheets.tenures
    ? readRows(sheets.tenures.rows, sheets.tenures.header, readTenureRow)
    : [];
  const count = unitRows.length + tenureRows.length;
  if (count > MAX_IMPORT_ROWS) {
    throw new EdgeError('import.tooManyRows', `${count} rows: at most ${MAX_IMPORT_ROWS} a file`, {
      field: 'file',
    });
  }
  const world = await worldOf(deps, p);
  const units = planUnits(unitRows, world);
  const tenures = await planTenures(tenureRows, units, world);
  return { file, sheets, units: units.planned, newUnits: units.newUnits, tenures };
}

type Planned = PlannedUnit | PlannedTenure;

function reportRow(sheet: 'units' | 'tenures', p: Planned): OrgReportRow {
  const ids =
    sheet === 'units'
      ? { ...((p as PlannedUnit).id ? { unitId: (p as PlannedUnit).id } : {}) }
      : {
          ...((p as PlannedTenure).unitId ? { unitId: (p as PlannedTenure).unitId } : {}),
          ...((p as PlannedTenure).personId ? { personId: (p as PlannedTenure).personId } : {}),
          ...((p as PlannedTenure).tenure ? { tenureId: (p as PlannedTenure).tenure!.id } : {}),
        };
  const label = 'name' in p.row ? (p.row.name ?? '') : (p.row.person ?? '');
  return { sheet, line: p.row.line, status: p.outcome, problems: p.problems, label, ...ids };
}

function countsOf(rows: readonly OrgReportRow[]): OrgSheetCounts {
  const n = (s: OrgReportRow['status']) => rows.filter((r) => r.status === s).length;
  return {
    rows: rows.length,
    refused: n('problem'),
    conflicts: n('conflict'),
    new: n('new'),
    created: n('created'),
    existing: n('existing'),
    warnings: rows.filter((r) => r.problems.some((x) => x.severity === 'warning')).length,
  };
}

const sheetInfo = <F extends string>(s: FoundSheet<F> | null) => {
  if (!s) return null;
  const cells = s.rows[s.header.headerRow] ?? [];
  const columns: Partial<Record<F, string>> = {};
  for (const [f, c] of Object.entries(s.header.columns) as [F, number][])
    columns[f] = String(cells[c] ?? '').trim();
  return { sheet: s.name, headerRow: s.header.headerRow + 1, columns, ignoredColumns: s.header.unknown };
};

export async function importOrg(
  deps: Deps,
  p: Principal,
  upload: { bytes: Uint8Array; fileName: string },
  dryRun: boolean,
): Promise<OrgImportReport> {
  const role = orgImporterRole(p);
  const checked = await checkOrg(deps, p, upload.bytes);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const at = await nowIso(deps);
  const kept = await keepUpload(deps, p, upload.bytes, upload.fileName, at);
  if (!dryRun)
    await commit(deps, p, role, checked, { fileName: upload.fileName, sha256, at, uploadId: kept.id });
  const units = checked.units.map((u) => reportRow('units', u));
  const tenures = checked.tenures.map((t) => reportRow('tenures', t));
  return {
    id: kept.id,
    dryRun,
    fileName: upload.fileName,
    sha256,
    format: checked.file.format,
    encoding: checked.file.encoding,
    sheets: { units: sheetInfo(checked.sheets.units), tenures: sheetInfo(checked.sheets.tenures) },
    counts: { units: countsOf(units), tenures: countsOf(tenures) },
    rows: [...units, ...tenures],
    annotated: `/api/v1/imports/organisation/${kept.id}/annotated`,
  };
}

/**
 * Writes the plan: the new units in one call (transactions of 50, parents before children), then each
 * new tenure (its person created with the first). Whatever was written stays consistent if a write
 * fails (no unit without its parent, no tenure without its person): the operation log says how far it
 * got, and the next run finds what was written and writes the rest.
 */
async function commit(
  deps: Deps,
  p: Principal,
  role: Role,
  checked: Awaited<ReturnType<typeof checkOrg>>,
  file: { fileName: string; sha256: string; at: string; uploadId: string },
): Promise<void> {
  let written = 0;
  const log = (outcome: 'complete' | 'failed') =>
    logOperation(deps, p, role, {
      at: file.at,
      action: 'import',
      target: ORG_IMPORT_TARGET,
      filter: { fileName: file.fileName, sha256: file.sha256 },
      rows: written,
      outcome,
      scopeUnitId: p.unitId,
    });
  try {
    // A transaction of units at a time (parents before children), so the log counts what got written.
    for (let i = 0; i < checked.newUnits.length; i += UNITS_A_TRANSACTION) {
      const chunk = checked.newUnits.slice(i, i + UNITS_A_TRANSACTION);
      await createUnits(deps, chunk, { id: p.id, role });
      written += chunk.length;
    }
    for (const u of checked.units) if (u.outcome === 'new') u.outcome = 'created';
    for (const t of checked.tenures) {
      if (t.outcome !== 'new' || !t.tenure || t.row.person === null) continue;
      await createTenure(deps, p, t.tenure, t.row.person);
      t.outcome = 'created';
      written++;
    }
  } catch (e) {
    await log('failed');
    throw e;
  }
  await log('complete');
  const all = [...checked.units, ...checked.tenures];
  const count = (o: string) => all.filter((x) => x.outcome === o).length;
  await recordImportRun(deps, p, role, {
    kind: 'organisation',
    uploadId: file.uploadId,
    fileName: file.fileName,
    sha256: file.sha256,
    at: file.at,
    scopeUnitId: p.unitId,
    rows: {
      in: all.length,
      refused: count('problem') + count('conflict'),
      created: count('created'),
      updated: 0,
      unchanged: count('existing'),
    },
    created: {
      unit: checked.units.filter((u) => u.outcome === 'created').length,
      tenure: checked.tenures.filter((t) => t.outcome === 'created').length,
    },
    // Units and posts count in no quarter's aggregates (the posts name a case's subjects).
    quarters: [],
  });
}
