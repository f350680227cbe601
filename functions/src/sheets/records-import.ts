/**
 * 历史数据导入 (DESIGN §4.7): a workbook of past records — findings, petitions, opinion signals and
 * indicators with quarterly actuals, a sheet each (or one csv per kind), each sheet's kind told by its
 * header row (shared records-headers.ts). A dry run checks every row (records-kinds.ts: every past
 * instant through the core's pastInstantProblem) and writes nothing; a commit writes the valid rows
 * (records-commit.ts), idempotently. The answer is a report per sheet, row by row, with the quarters
 * the rows count in; the same workbook comes back with a 问题说明 column (records-annotated.ts).
 */
import { createHash } from 'node:crypto';
import {
  computeDeadline,
  contributions,
  findingFacts,
  indicatorFacts,
  initialHorizon,
  localDateOf,
  matchRecordHeaders,
  petitionFacts,
  type RecordFacts,
  type RecordHeaderMatch,
  type RecordKind,
  type Role,
  type Scheme,
  signalFacts,
  type Unit,
  type UnitTree,
} from '@jiandu/shared';
import type { RecordsImportReport, RecordsReportRow, RecordsSheetReport } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { actingRole, type Principal } from '../auth/principal.js';
import { recordImportRun } from '../services/migrations/import-runs.js';
import { scopeOf } from '../services/org/jurisdiction.js';
import { logOperation } from './oplog.js';
import { type Cell, type ReadFile, readSpreadsheet } from './read-rows.js';
import {
  type CommitContext,
  commitFindings,
  commitIndicators,
  commitPetitions,
  commitSignals,
  type Outcome,
  type Valid,
} from './records-commit.js';
import {
  type FindingRow,
  findingRow,
  type IndicatorRow,
  indicatorRow,
  type PetitionRow,
  petitionRow,
  type SignalRow,
  signalRow,
} from './records-kinds.js';
import { type Checked, dataRows, type RowContext, RowReader } from './records-rows.js';
import { UnitMatcher } from './unit-matcher.js';
import { keepUpload } from './uploads.js';

/** At most this many data rows in one file, all sheets together (the ledger import's cap). */
export const MAX_RECORD_ROWS = 10_000;

export function historyImporterRole(p: Principal): Role {
  return actingRole(p, 'history.import');
}

type RowOf = { findings: FindingRow; petitions: PetitionRow; signals: SignalRow; indicators: IndicatorRow };
type AnyRow = RowOf[RecordKind];

const BUILD: { [K in RecordKind]: (r: RowReader) => RowOf[K] | null } = {
  findings: findingRow,
  petitions: petitionRow,
  signals: signalRow,
  indicators: indicatorRow,
};

export interface CheckedSheet {
  name: string;
  rows: Cell[][];
  header: RecordHeaderMatch;
  checked: Checked<AnyRow>[];
}

/** The file read, its sheets told apart, and every row checked against the caller's jurisdiction. */
export async function checkRecords(deps: Deps, p: Principal, bytes: Uint8Array) {
  const file = await readSpreadsheet(bytes);
  const found: { name: string; rows: Cell[][]; header: RecordHeaderMatch }[] = [];
  const ignored: string[] = [];
  for (const s of file.sheets) {
    const header = matchRecordHeaders(s.rows);
    if (header) found.push({ name: s.name, rows: s.rows, header });
    else ignored.push(s.name);
  }
  if (found.length === 0) {
    throw new EdgeError(
      'import.noHeader',
      'no sheet names the columns of findings (发现日期, 问题描述), petitions (收到时间, 事项), signals (链接, 发布时间) or indicators (年度, 指标名称)',
      { field: 'file' },
    );
  }
  for (const s of found) {
    if (s.header.missing.length > 0) {
      throw new EdgeError(
        'import.missingColumns',
        `sheet ${s.name} (${s.header.kind}) has no column ${s.header.missing.join(', ')}`,
        {
          field: s.header.missing[0]!,
          extra: { sheet: s.name, kind: s.header.kind, missing: s.header.missing },
        },
      );
    }
  }
  const count = found.reduce((n, s) => n + dataRows(s.rows, s.header.headerRow).length, 0);
  if (count > MAX_RECORD_ROWS) {
    throw new EdgeError('import.tooManyRows', `${count} rows: at most ${MAX_RECORD_ROWS} a file`, {
      field: 'file',
    });
  }
  const { tree, paths } = await deps.units.treeAndPaths();
  const scheme = await deps.scheme();
  const ctx: RowContext = {
    units: new UnitMatcher(tree, paths, await scopeOf(deps, p)),
    scheme,
    nowMs: deps.clock(),
  };
  const sheets: CheckedSheet[] = found.map((s) => ({
    ...s,
    checked: dataRows(s.rows, s.header.headerRow).map(({ line, cells }) => {
      const r = new RowReader(cells, s.header, ctx);
      const row = BUILD[s.header.kind](r);
      return { line, problems: r.problems, row, ...(r.unit ? { unitId: r.unit.id } : {}) };
    }),
  }));
  return { file, sheets, ignored, tree, paths, scheme };
}

/**
 * The quarters a row counts in: its record's contributions to the aggregates (shared contributions,
 * what apply and rebuild both use) — a finding's and its rectification's (due, and open-overdue at
 * quarter ends up to today's horizon), a petition's, a signal's (a negative notable or major one with a
 * unit), an indicator's quarters with a target.
 */
function quartersOf(
  kind: RecordKind,
  row: AnyRow,
  ctx: { tree: UnitTree<Unit>; scheme: Scheme; today: string },
) {
  const facts: RecordFacts[] = [];
  const c = { tree: ctx.tree, scheme: ctx.scheme };
  if (kind === 'findings') {
    const f = row as FindingRow;
    facts.push(findingFacts({ ...f, id: 'x' }));
    const deadline =
      f.deadline ??
      computeDeadline(f.discoveredOn, ctx.scheme.rectification.defaultDeadline, ctx.scheme.calendar);
    facts.push({
      kind: 'rectification',
      id: 'x',
      unitId: f.unitId,
      deadline,
      closedAt: null,
      horizon: initialHorizon(ctx.today, deadline),
    });
  } else if (kind === 'petitions') {
    const pr = (row as PetitionRow).input;
    facts.push(petitionFacts({ ...pr, id: 'x', repeatOf: null, escalated: false }));
  } else if (kind === 'signals') {
    facts.push(signalFacts({ ...(row as SignalRow), id: 'x' }));
  } else {
    const { externalId: _e, lastActualDay: _l, ...ind } = row as IndicatorRow;
    facts.push(indicatorFacts({ ...ind, id: 'x' }));
  }
  return facts.flatMap((f) => contributions(f, c).map((d) => d.quarter));
}

const COMMIT: {
  [K in RecordKind]: (c: CommitContext, rows: Valid<RowOf[K]>[]) => Promise<Map<number, Outcome>>;
} = {
  findings: commitFindings,
  petitions: commitPetitions,
  signals: commitSignals,
  indicators: commitIndicators,
};

async function commitSheet<K extends RecordKind>(kind: K, c: CommitContext, sheet: CheckedSheet) {
  const valid = sheet.checked.flatMap((x) => (x.row ? [{ line: x.line, row: x.row as RowOf[K] }] : []));
  return COMMIT[kind](c, valid);
}

export async function importRecords(
  deps: Deps,
  p: Principal,
  upload: { bytes: Uint8Array; fileName: string },
  dryRun: boolean,
): Promise<RecordsImportReport> {
  const role = historyImporterRole(p);
  const { file, sheets, ignored, tree, paths, scheme } = await checkRecords(deps, p, upload.bytes);
  const at = await nowIso(deps);
  const kept = await keepUpload(deps, p, upload.bytes, upload.fileName, at);
  const sha = createHash('sha256').update(upload.bytes).digest('hex');
  const today = localDateOf(at, scheme.timeZone);
  const quarters = new Set<string>();
  const reports: RecordsSheetReport[] = [];
  // Findings first: a later sheet's petitions and signals do not depend on them, but a reader of the
  // operation log sees the kinds in the order DESIGN §3 lists them.
  const order: RecordKind[] = ['findings', 'petitions', 'signals', 'indicators'];
  const ordered = [...sheets].sort((a, b) => order.indexOf(a.header.kind) - order.indexOf(b.header.kind));
  let created = 0;
  for (const sheet of ordered) {
    const { kind } = sheet.header;
    const rows: RecordsReportRow[] = sheet.checked.map((c) => ({
      line: c.line,
      status: c.row ? 'valid' : 'problem',
      problems: c.problems,
      ...(c.unitId ? { unitId: c.unitId } : {}),
    }));
    let outcomes: Map<number, Outcome> | null = null;
    if (!dryRun) {
      const ctx: CommitContext = {
        deps,
        p,
        actor: { id: p.id, role },
        at,
        scheme,
        tree,
        unitPathOf: (id) => paths.get(id) ?? '',
        noteOf: (line) =>
          `历史数据导入：${upload.fileName}（SHA-256 ${sha}）工作表「${sheet.name}」第${line}行`,
      };
      outcomes = await commitSheet(kind, ctx, sheet);
    }
    sheet.checked.forEach((c, i) => {
      if (!c.row) return;
      const o = outcomes?.get(c.line);
      if (o)
        rows[i] = { ...rows[i]!, status: o.status, ...(o.status !== 'conflict' ? { recordId: o.id } : {}) };
      if (dryRun || o?.status === 'created')
        for (const q of quartersOf(kind, c.row, { tree, scheme, today })) quarters.add(q);
    });
    const count = (s: RecordsReportRow['status']) => rows.filter((r) => r.status === s).length;
    created += count('created');
    const headerCells = sheet.rows[sheet.header.headerRow] ?? [];
    const columns: Record<string, string> = {};
    for (const [f, col] of Object.entries(sheet.header.columns))
      if (col !== undefined) columns[f] = String(headerCells[col] ?? '').trim();
    reports.push({
      kind,
      sheet: sheet.name,
      headerRow: sheet.header.headerRow + 1,
      columns,
      ignoredColumns: sheet.header.unknown,
      counts: {
        rows: rows.length,
        valid: rows.length - count('problem'),
        refused: count('problem'),
        created: count('created'),
        duplicate: count('duplicate'),
      },
      rows,
    });
  }
  if (!dryRun) {
    const sum = (k: keyof RecordsSheetReport['counts']) => reports.reduce((n, r) => n + r.counts[k], 0);
    const made = (kind: RecordKind) =>
      reports.filter((r) => r.kind === kind).reduce((n, r) => n + r.counts.created, 0);
    await recordImportRun(deps, p, role, {
      kind: 'history',
      uploadId: kept.id,
      fileName: upload.fileName,
      sha256: sha,
      at,
      scopeUnitId: p.unitId,
      rows: {
        in: sum('rows'),
        refused: sum('refused'),
        created: sum('created'),
        updated: 0,
        unchanged: sum('duplicate'),
      },
      // Each finding opens its rectification, as live findings do.
      created: {
        finding: made('findings'),
        rectification: made('findings'),
        petition: made('petitions'),
        signal: made('signals'),
        indicator: made('indicators'),
      },
      quarters: [...quarters],
    });
    await logOperation(deps, p, role, {
      at,
      action: 'import',
      target: 'past-records',
      filter: { fileName: upload.fileName, sha256: sha },
      rows: created,
      outcome: 'complete',
      scopeUnitId: p.unitId,
    });
  }
  return {
    id: kept.id,
    dryRun,
    fileName: upload.fileName,
    format: file.format,
    encoding: file.encoding,
    sheets: reports,
    ignoredSheets: ignored,
    quarters: [...quarters].sort(),
    annotated: `/api/v1/imports/past-records/${kept.id}/annotated`,
  };
}

export type { ReadFile };
