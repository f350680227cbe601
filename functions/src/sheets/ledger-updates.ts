/**
 * The ledger round trip (issue 14): a unit's ledger exported from Jiandu (list-exports.ts, with the
 * 记录编号 and 版本 of each row), edited offline — measures, progress, status — and imported back. Each row
 * updates its record by id through the normal workflow (actOnRectification: the same guards, the same
 * audited events, by the person importing), never by overwriting the record. Chosen where the spec is
 * silent:
 * - a row whose 版本 is not the record's current version is a `conflict`: the record changed in the system
 *   since the export, and the offline edit is not applied over it (export again, edit again);
 * - 整改措施 / 整改进展 that differ from the record's latest measure / progress note add a new one (an empty
 *   cell erases nothing: notes are history);
 * - status: 整改中 on an assigned record starts it; 已提交销号 — or a claimed 已销号 — submits it (after
 *   the new measures and progress), so the two in-system reviews still close it: an offline claim never
 *   closes a live record. Any other change (backwards, or to a reviewer's state) is a row problem
 *   (`status.notByImport`): it is done in the system;
 * - other columns (description, deadline, amount …) are the record's facts, not offline edits: ignored.
 */
import {
  isDomainError,
  type LedgerStatus,
  ledgerStatusOf,
  type RectificationAction,
  type RectificationState,
  rectificationState,
  unquoteFormula,
} from '@jiandu/shared';
import type {
  LedgerChange,
  LedgerRowProblem,
  LedgerUpdateReport,
  LedgerUpdateRow,
  RectificationView,
} from '@jiandu/shared/api';
import { type Deps, nowIso } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import { actingRole, type Principal } from '../auth/principal.js';
import { actOnRectification, getRectification } from '../services/rectifications/rectifications.js';
import { ledgerSheet, MAX_IMPORT_ROWS } from './ledger-import.js';
import { dataRowCount } from './ledger-rows.js';
import { logOperation } from './oplog.js';
import { type Cell, readSpreadsheet } from './read-rows.js';
import { keepUpload } from './uploads.js';

const text = (c: Cell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  const s = unquoteFormula(c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();
  return s === '' ? null : s;
};

const zhLabel = (s: RectificationState): string => rectificationState.labels[s].zh;
const BY_LABEL = new Map(rectificationState.schema.options.map((s) => [zhLabel(s), s]));
const CLAIMED: Record<LedgerStatus, RectificationState | null> = {
  open: null,
  in_progress: 'in_progress',
  closed: 'closed',
};

/** The state a status cell asks for: our own label exactly (an exported file), else the ledger's claim. */
const wantedState = (cell: string | null): RectificationState | null =>
  cell === null ? null : (BY_LABEL.get(cell) ?? CLAIMED[ledgerStatusOf(cell)]);

/** The workflow steps from `from` to the state a row asks for (see the module note), or a problem. */
function statusSteps(
  from: RectificationState,
  want: RectificationState | null,
): RectificationAction[] | null {
  if (want === null || want === from) return [];
  const target = want === 'closed' ? 'submitted' : want;
  if (from === target) return []; // already submitted: a 已销号 claim waits for the reviewers
  if (target === 'in_progress' && from === 'assigned') return [{ type: 'start' }];
  if (target === 'submitted' && from === 'assigned') return [{ type: 'start' }, { type: 'submit' }];
  if (target === 'submitted' && from === 'in_progress') return [{ type: 'submit' }];
  return null; // backwards, or into a reviewer's state: done in the system
}

interface Planned {
  actions: RectificationAction[];
  changes: LedgerChange[];
}

function plan(
  rec: RectificationView,
  cells: { measures: string | null; progress: string | null; status: string | null },
  problems: LedgerRowProblem[],
): Planned {
  const steps = statusSteps(rec.state, wantedState(cells.status));
  if (steps === null) problems.push({ field: 'status', code: 'status.notByImport' });
  const start = (steps ?? []).filter((a) => a.type === 'start');
  const submit = (steps ?? []).filter((a) => a.type === 'submit');
  const actions: RectificationAction[] = [...start];
  const changes: LedgerChange[] = [];
  const label = zhLabel;
  if (start.length) changes.push({ field: 'status', from: label(rec.state), to: label('in_progress') });
  for (const f of ['measures', 'progress'] as const) {
    const last = rec[f].at(-1)?.text ?? null;
    const cell = cells[f];
    if (cell === null || cell === last) continue;
    actions.push({ type: f === 'measures' ? 'addMeasure' : 'addProgress', text: cell });
    changes.push({ field: f, from: last, to: cell });
  }
  if (submit.length) {
    actions.push(...submit);
    changes.push({
      field: 'status',
      from: label(start.length ? 'in_progress' : rec.state),
      to: label('submitted'),
    });
  }
  return { actions, changes };
}

/** Reads a ledger exported from Jiandu and updates its records by id: a dry run by default, or a commit. */
export async function updateLedger(
  deps: Deps,
  p: Principal,
  upload: { bytes: Uint8Array; fileName: string },
  dryRun: boolean,
): Promise<LedgerUpdateReport> {
  // The unit's own officers update its records offline: the writes are theirs, as in the system.
  const role = actingRole(p, 'rectification.work');
  const file = await readSpreadsheet(upload.bytes);
  const sheet = ledgerSheet(file);
  const { header } = sheet;
  if (header.columns.recordId === undefined || header.columns.version === undefined) {
    const missing = header.columns.recordId === undefined ? 'recordId' : 'version';
    throw new EdgeError('import.missingColumns', 'a ledger to update names each row’s 记录编号 and 版本', {
      field: missing,
      extra: { missing: [missing] },
    });
  }
  const count = dataRowCount(sheet.rows, header.headerRow);
  if (count > MAX_IMPORT_ROWS)
    throw new EdgeError('import.tooManyRows', `${count} rows: at most ${MAX_IMPORT_ROWS} a file`, {
      field: 'file',
    });
  const at = await nowIso(deps);
  const kept = await keepUpload(deps, p, upload.bytes, upload.fileName, at);
  const cell = (row: readonly Cell[], f: keyof typeof header.columns) => {
    const c = header.columns[f];
    return c === undefined ? null : text(row[c]);
  };
  const rows: LedgerUpdateRow[] = [];
  for (let i = header.headerRow + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    if (cells.every((c) => text(c) === null)) continue;
    rows.push(await updateRow(deps, p, cells, i + 1, cell, dryRun));
  }
  const n = (s: LedgerUpdateRow['status']) => rows.filter((r) => r.status === s).length;
  if (!dryRun)
    await logOperation(deps, p, role, {
      at,
      action: 'import',
      target: 'rectification-ledger-update',
      filter: { fileName: upload.fileName },
      rows: n('updated'),
      outcome: 'complete',
      scopeUnitId: p.unitId,
    });
  return {
    id: kept.id,
    dryRun,
    fileName: upload.fileName,
    sheet: sheet.name,
    headerRow: header.headerRow + 1,
    counts: {
      rows: rows.length,
      unchanged: n('unchanged'),
      update: n('update'),
      updated: n('updated'),
      conflict: n('conflict'),
      problems: n('problem'),
    },
    rows,
  };
}

async function updateRow(
  deps: Deps,
  p: Principal,
  cells: readonly Cell[],
  line: number,
  cell: (
    row: readonly Cell[],
    f: 'recordId' | 'version' | 'measures' | 'progress' | 'status',
  ) => string | null,
  dryRun: boolean,
): Promise<LedgerUpdateRow> {
  const problems: LedgerRowProblem[] = [];
  const id = cell(cells, 'recordId');
  const versionText = cell(cells, 'version');
  const fileVersion = versionText !== null && /^\d{1,9}$/.test(versionText) ? Number(versionText) : null;
  if (id === null) problems.push({ field: 'recordId', code: 'field.missing' });
  if (fileVersion === null) problems.push({ field: 'version', code: 'version.invalid' });
  const rec = id === null ? null : await getRectification(deps, p, id).catch(() => null);
  if (id !== null && rec === null) problems.push({ field: 'recordId', code: 'record.unknown' });
  const base = { line, problems, changes: [] as LedgerChange[] };
  if (rec === null || fileVersion === null) return { ...base, status: 'problem' };
  const planned: LedgerRowProblem[] = [];
  const { actions, changes } = plan(
    rec,
    { measures: cell(cells, 'measures'), progress: cell(cells, 'progress'), status: cell(cells, 'status') },
    planned,
  );
  const ids = { rectificationId: rec.id, fileVersion, currentVersion: rec.version };
  // Changed in the system since the export: whatever the row asks, it is not applied over that change.
  if (fileVersion !== rec.version) return { ...base, ...ids, changes, status: 'conflict' };
  problems.push(...planned);
  if (problems.length) return { ...base, ...ids, status: 'problem' };
  if (actions.length === 0) return { ...base, ...ids, status: 'unchanged' };
  if (dryRun) return { ...base, ...ids, changes, status: 'update' };
  let version = rec.version;
  try {
    for (const a of actions) version = (await actOnRectification(deps, p, rec.id, a, version)).version;
  } catch (e) {
    // Changed meanwhile (between the dry run's read and this write): a conflict, not an overwrite.
    const code = e instanceof EdgeError || isDomainError(e) ? e.code : null;
    if (code !== 'conflict.version') throw e;
    return { ...base, ...ids, changes, currentVersion: version, status: 'conflict' };
  }
  return { ...base, ...ids, changes, currentVersion: version, status: 'updated' };
}
