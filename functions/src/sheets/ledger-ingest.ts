/**
 * The commit of a ledger import: every valid row becomes one rectification, written through the same
 * idempotent ingestion as the batch endpoints (services/records/commit.ts commitBatch, natural keys of
 * services/records/natural-keys.ts): the record, its chained event, its natural-key marker and its aggregate
 * deltas in one transaction. Importing the same file twice adds nothing: the second time every row's
 * natural key exists and the row is reported `duplicate` with the original's id.
 *
 * What a ledger row becomes (DESIGN §3, §4.4 — our choice where DESIGN is silent):
 * - a rectification with source kind `import` (台账导入) and no source record: the ledger names a
 *   problem, not a finding an inspector logged, so no finding is invented (findings feed the findings
 *   score, §4.1, which an imported audit ledger must not move);
 * - 问题来源 and 问题类别 are kept as the first lines of its description; 责任人 is its responsible
 *   person; 涉及金额 its amount (fen); 整改时限 its deadline; 整改措施 its first measure and 整改进展
 *   its first progress note, written by the importer at the import time;
 * - its state: a row claimed closed with its closure date (ledger-rows.ts) comes in `closed` as a
 *   migrated closure (§4.7): closedAt is the start of the closure day in the scheme's zone (a ledger
 *   records the day, not the hour), `migratedClosure` names the import, the file's SHA-256, the row, the
 *   importer and the offline verifiers, and the chain holds the import event then a
 *   `rectification.migratedClosure` event (occurredAt = the closure instant) — no reviewer fields are
 *   set and no review or approval event is written: the 销号 was verified offline, not in Jiandu. A row
 *   under way is imported `in_progress` with its status as a progress note (台账记载：整改中); any other
 *   row is `assigned`.
 * - a closed row counts as closed in the quarter of its closure date (its facts carry closedAt; the
 *   horizon is the usual initialHorizon), so the aggregates equal a rebuild from the records.
 */
import {
  contributions,
  formatInstant,
  type MigratedClosure,
  newRectification,
  type Rectification,
  type RectificationState,
  type Role,
  startOfLocalDay,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { type BatchOutcome, commitBatch, type ItemWrite } from '../services/records/commit.js';
import { rectificationCreation } from '../services/rectifications/create.js';
import { keys } from '../store/keys.js';
import type { LedgerRow } from './ledger-rows.js';

export type IngestOutcome =
  /** `quarters`: the quarters the new record counts in (its aggregate contributions). */
  | { status: 'created'; id: string; quarters: string[] }
  | { status: 'duplicate'; id: string }
  | { status: 'conflict' };

const SOURCE = 'import';

function composeDescription(row: LedgerRow): string {
  const lines = [
    ...(row.source ? [`问题来源：${row.source}`] : []),
    ...(row.category ? [`问题类别：${row.category}`] : []),
    row.description,
  ];
  return lines.join('\n');
}

function stateOf(row: LedgerRow): RectificationState {
  return row.status === 'open' ? 'assigned' : 'in_progress';
}

/** Where a row comes from: the import, the file's SHA-256 and the row's line (for a migrated closure). */
export interface RowOrigin {
  importId: string;
  fileSha256: string;
  line: number;
}

/** The record a ledger row becomes, as the ledger handed it down (before any migrated closure). */
export function ledgerRectification(
  row: LedgerRow,
  meta: { id: string; at: string; by: string },
): Rectification {
  const rect = newRectification(
    {
      source: { kind: 'import', id: null },
      unitId: row.unitId,
      title: row.description.slice(0, 500),
      description: composeDescription(row),
      ...(row.person ? { responsiblePerson: row.person } : {}),
      amountFen: row.amountFen,
      deadline: row.deadline,
      externalId: row.externalId,
    },
    meta,
  );
  const note = (text: string) => ({ at: meta.at, by: meta.by, text });
  const progress = [
    ...(row.progress ? [row.progress] : []),
    ...(row.statusText ? [`台账记载：${row.statusText}`] : []),
  ];
  return {
    ...rect,
    state: stateOf(row),
    measures: row.measures ? [note(row.measures)] : [],
    progress: progress.length ? [note(progress.join('\n'))] : [],
  };
}

/** The closed record of a row closed offline, with the reason its closure event carries. */
export function migratedClosureOf(
  open: Rectification,
  closure: NonNullable<LedgerRow['closure']>,
  origin: RowOrigin,
  importedBy: string,
  timeZone: string,
): { closed: Rectification; occurredAt: string; reason: string } {
  const occurredAt = formatInstant(startOfLocalDay(closure.closedOn, timeZone), timeZone);
  const migratedClosure: MigratedClosure = {
    ...origin,
    importedBy,
    closedOn: closure.closedOn,
    verifiers: closure.verifiers,
  };
  const who = closure.verifiers.length ? closure.verifiers.join('、') : '未记录';
  const reason =
    `台账迁移销号：导入 ${origin.importId} 第 ${origin.line} 行（文件 SHA-256 ${origin.fileSha256}），` +
    `销号日期 ${closure.closedOn}，线下复核人：${who}`;
  return {
    closed: { ...open, state: 'closed', closedAt: occurredAt, migratedClosure, version: open.version + 1 },
    occurredAt,
    reason,
  };
}

interface Prepared {
  index: number;
  item: ItemWrite<string>;
  quarters: string[];
}

/**
 * Writes the rows (in order; `rows[i]` null for a row with problems, skipped). Rows whose natural key
 * is stored already, or that repeat an earlier row of the same file, are duplicates.
 */
export async function ingestLedgerRows(
  deps: Deps,
  p: Principal,
  role: Role,
  rows: readonly { row: LedgerRow; unitPath: string; line: number }[],
  at: string,
  todayLocal: string,
  file: { importId: string; fileSha256: string; timeZone: string },
): Promise<IngestOutcome[]> {
  const out: IngestOutcome[] = new Array(rows.length);
  const stored = await deps.store.itemsByKey(
    rows.map((r) => keys.natural('rectification', SOURCE, r.row.externalId)),
  );
  const firstInFile = new Map<string, number>();
  const [tree, scheme] = await Promise.all([deps.units.tree(), deps.scheme()]);
  const prepared: Prepared[] = [];
  rows.forEach(({ row, unitPath, line }, index) => {
    const nk = keys.natural('rectification', SOURCE, row.externalId);
    const existing = stored.get(nk.pk)?.recordId as string | undefined;
    if (existing) {
      out[index] = { status: 'duplicate', id: existing };
      return;
    }
    if (firstInFile.has(row.externalId)) return; // resolved below, after the first is written
    firstInFile.set(row.externalId, index);
    const open = ledgerRectification(row, { id: deps.newId(), at, by: p.id });
    const origin = { importId: file.importId, fileSha256: file.fileSha256, line };
    const m = row.closure ? migratedClosureOf(open, row.closure, origin, p.id, file.timeZone) : null;
    const rect = m ? m.closed : open;
    const created = rectificationCreation(deps, rect, {
      unitPath,
      todayLocal,
      actor: { id: p.id, role },
      at,
      action: 'rectification.import',
      notify: false,
      naturalKey: { source: SOURCE, externalId: row.externalId },
      ...(m ? { migratedClosure: { open, occurredAt: m.occurredAt, reason: m.reason } } : {}),
    });
    const quarters = created.changes.flatMap((c) =>
      c.after ? contributions(c.after, { tree, scheme }).map((d) => d.quarter) : [],
    );
    prepared.push({ index, item: { ...created, result: rect.id }, quarters: [...new Set(quarters)] });
  });
  const outcomes = await commitByScoredUnit(deps, prepared, (x) => rows[x.index]!.row.unitId);
  const lost: Prepared[] = [];
  prepared.forEach((x, k) => {
    const o = outcomes[k]!;
    if (o.ok) out[x.index] = { status: 'created', id: o.result, quarters: x.quarters };
    else lost.push(x);
  });
  // A natural key taken meanwhile (a concurrent import of the same file): the row is a duplicate.
  if (lost.length) {
    const again = await deps.store.itemsByKey(
      lost.map((x) => keys.natural('rectification', SOURCE, rows[x.index]!.row.externalId)),
    );
    for (const x of lost) {
      const nk = keys.natural('rectification', SOURCE, rows[x.index]!.row.externalId);
      const id = again.get(nk.pk)?.recordId as string | undefined;
      out[x.index] = id ? { status: 'duplicate', id } : { status: 'conflict' };
    }
  }
  rows.forEach(({ row }, index) => {
    if (out[index]) return;
    const first = out[firstInFile.get(row.externalId)!];
    out[index] =
      first && first.status !== 'conflict' ? { status: 'duplicate', id: first.id } : { status: 'conflict' };
  });
  return out;
}

export const IMPORT_SOURCE = SOURCE;

/** Transactions under way at once: rows of different scored units never share an aggregate item. */
const PARALLEL = 4;

/**
 * commitBatch per scored unit (a village's rows count for its township, DESIGN §4.1): rows of two
 * groups touch disjoint aggregate items, so their transactions can run side by side without racing
 * on an aggregate; within a group they go in order, as commitBatch packs them.
 */
async function commitByScoredUnit(
  deps: Deps,
  prepared: readonly Prepared[],
  unitOf: (x: Prepared) => string,
): Promise<BatchOutcome<string>[]> {
  const tree = await deps.units.tree();
  const groups = new Map<string, number[]>();
  prepared.forEach((x, k) => {
    const key = tree.scoredUnitId(unitOf(x));
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  const out: BatchOutcome<string>[] = new Array(prepared.length);
  const queue = [...groups.values()];
  const worker = async () => {
    for (let g = queue.shift(); g; g = queue.shift()) {
      const res = await commitBatch(
        deps,
        g.map((k) => prepared[k]!.item),
      );
      g.forEach((k, j) => {
        out[k] = res[j]!;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  return out;
}
