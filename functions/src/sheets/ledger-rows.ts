/**
 * A rectification ledger's rows checked before anything is written: each row's fields are parsed with
 * the pure rules of @jiandu/shared (dates, amounts, headers, status) and its unit matched inside the
 * caller's jurisdiction. Every problem names the field (a ledger column) and a stable code.
 *
 * A row whose status claims it closed (已销号, 已完成, 已整改 …, status.ts) comes in closed, as a migrated
 * closure (DESIGN §4.7), on its closure date (销号日期 / 完成时间 … headers.ts). Chosen where the spec is
 * silent:
 * - a closed row without a closure date is a row problem (`closure.dateMissing`): a closure without its
 *   day cannot be counted in any quarter, and guessing (the deadline, today) would score it wrong — the
 *   dry run lists it and the importer fills the day in;
 * - a row with a closure date and no status (no status column, or an empty cell) is closed: the date is
 *   the ledger's claim; a closure date on a row whose status says 整改中 / 未完成 is a problem
 *   (`closure.notClosed`), as 完成时间 is written loosely and the importer must say which is right;
 * - the closure date passes the core's pastInstantProblem (not after today, not before the unit's
 *   成立日期) and is not before the row's own discovery date (发现时间 / 交办日期) where the ledger has one;
 * - verifiers (复核人, 验收人 …) may be missing: the closure comes in with none, shown as 未记录. Several
 *   names in one cell are split on 、，,；;/ and line breaks — not on spaces, which join a unit to a
 *   person ("县纪委 张三" is one verifier).
 */
import { createHash } from 'node:crypto';
import {
  type AmountUnit,
  type HeaderMatch,
  isPlainText,
  LEDGER_HEADERS,
  type LedgerField,
  type LedgerStatus,
  ledgerStatusOf,
  type MigrationRules,
  parseAmountFen,
  parseLedgerDate,
  pastInstantProblem,
  unquoteFormula,
} from '@jiandu/shared';
import type { LedgerRowProblem as RowProblem } from '@jiandu/shared/api';
import type { Cell } from './read-rows.js';
import type { UnitMatcher } from './unit-matcher.js';

export type { RowProblem };

/** A row that passed every check: what the rectification will be made of. */
export interface LedgerRow {
  source: string | null;
  category: string | null;
  description: string;
  unitId: string;
  unitName: string;
  person: string | null;
  measures: string | null;
  deadline: string;
  progress: string | null;
  status: LedgerStatus;
  statusText: string | null;
  amountFen: number;
  /** The row's natural key: the same problem of the same unit from the same source is one record. */
  externalId: string;
  /** When the row is closed (status closed, closure date given): its closure day and offline verifiers. */
  closure: { closedOn: string; verifiers: string[] } | null;
}

/** What the checks of past instants need: the server's now and the scheme's rules and zone. */
export interface RowContext {
  nowMs: number;
  timeZone: string;
  rules: MigrationRules;
  /** The 成立日期 of a unit, where known. */
  establishedOn: (unitId: string) => string | undefined;
}

export interface CheckedRow {
  /** The row's number in the sheet (1-based, as Excel shows it). */
  line: number;
  problems: RowProblem[];
  row: LedgerRow | null;
}

/** Text limits of the record fields a column fills (DESIGN §6: field sizes are bounded). */
const MAX_LEN: Partial<Record<LedgerField, number>> = {
  source: 100,
  category: 100,
  description: 3500,
  person: 50,
  measures: 4000,
  progress: 3800,
  status: 100,
  unit: 200,
  verifiers: 500,
};

/** Names in one cell: "张三、李四", "张三,李四", one a line. */
const NAME_SEPARATORS = /[、，,；;／/\r\n]+/;
const MAX_VERIFIER_LEN = 50;
const MAX_VERIFIERS = 20;

const text = (c: Cell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  // A text we exported as "'-…" (neutraliseFormula) reads as it was written.
  const s = unquoteFormula(c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();
  return s === '' ? null : s;
};

/** The natural key of a row: a hash of its source, its unit and its description (spaces ignored). */
export function ledgerExternalId(source: string | null, unitId: string, description: string): string {
  const norm = (s: string) => s.replace(/[\s\u3000]/g, '');
  const h = createHash('sha256')
    .update(`${norm(source ?? '')}\u0000${unitId}\u0000${norm(description)}`)
    .digest('hex');
  return `ledger-${h.slice(0, 40)}`;
}

export function checkRow(
  cells: readonly Cell[],
  line: number,
  header: HeaderMatch,
  units: UnitMatcher,
  ctx: RowContext,
): CheckedRow {
  const problems: RowProblem[] = [];
  const at = (f: LedgerField): Cell | undefined => {
    const c = header.columns[f];
    return c === undefined ? undefined : cells[c];
  };
  const field = (f: LedgerField): string | null => {
    const v = text(at(f));
    const max = MAX_LEN[f];
    if (v !== null && max !== undefined && v.length > max) {
      problems.push({ field: f, code: 'text.tooLong' });
      return null;
    }
    // The same characters the record schemas refuse (control characters, bidi overrides).
    if (v !== null && !isPlainText(v)) {
      problems.push({ field: f, code: 'text.unsafeCharacters' });
      return null;
    }
    return v;
  };
  const description = field('description');
  if (description === null && !problems.some((p) => p.field === 'description'))
    problems.push({ field: 'description', code: 'field.missing' });
  const unitText = field('unit');
  let unit: { id: string; name: string } | null = null;
  if (unitText === null) {
    if (!problems.some((p) => p.field === 'unit')) problems.push({ field: 'unit', code: 'field.missing' });
  } else {
    const m = units.match(unitText);
    if (m.ok) unit = { id: m.unit.id, name: m.unit.name };
    else problems.push({ field: 'unit', code: m.code });
  }
  const d = parseLedgerDate(at('deadline') ?? null);
  if (!d.ok) problems.push({ field: 'deadline', code: d.code });
  else if (d.date === null) problems.push({ field: 'deadline', code: 'field.missing' });
  const a = parseAmountFen(
    at('amount') as string | number | null | undefined,
    header.amountUnit as AmountUnit,
  );
  if (!a.ok) problems.push({ field: 'amount', code: a.code });
  const source = field('source');
  const category = field('category');
  const person = field('person');
  const measures = field('measures');
  const progress = field('progress');
  const statusText = field('status');
  const status = ledgerStatusOf(statusText);
  // A row exported from Jiandu names its record: importing it as new would duplicate a live record.
  if (text(at('recordId')) !== null) problems.push({ field: 'recordId', code: 'record.useUpdate' });
  const closure = checkClosure(at, field, status, statusText, unit?.id ?? null, ctx, problems);
  if (problems.length > 0 || !description || !unit || !d.ok || !d.date || !a.ok) {
    return { line, problems, row: null };
  }
  return {
    line,
    problems,
    row: {
      source,
      category,
      description,
      unitId: unit.id,
      unitName: unit.name,
      person,
      measures,
      deadline: d.date,
      progress,
      status: closure ? 'closed' : status,
      statusText,
      amountFen: a.fen ?? 0,
      externalId: ledgerExternalId(source, unit.id, description),
      closure,
    },
  };
}

/** A past date of the row (closure, discovery) checked as the core checks every past instant. */
function pastDate(
  cell: Cell | undefined,
  f: LedgerField,
  unitId: string | null,
  ctx: RowContext,
  problems: RowProblem[],
): string | null {
  const d = parseLedgerDate(cell ?? null);
  if (!d.ok) {
    problems.push({ field: f, code: d.code });
    return null;
  }
  if (d.date === null) return null;
  const problem = pastInstantProblem(d.date, {
    nowMs: ctx.nowMs,
    rules: ctx.rules,
    timeZone: ctx.timeZone,
    establishedOn: unitId === null ? undefined : ctx.establishedOn(unitId),
  });
  if (problem) {
    problems.push({ field: f, code: problem });
    return null;
  }
  return d.date;
}

/** The closure a row claims (null: not closed), its problems added to `problems` (see the module note). */
function checkClosure(
  at: (f: LedgerField) => Cell | undefined,
  field: (f: LedgerField) => string | null,
  status: LedgerStatus,
  statusText: string | null,
  unitId: string | null,
  ctx: RowContext,
  problems: RowProblem[],
): LedgerRow['closure'] {
  const before = problems.length;
  const discovered = pastDate(at('discovered'), 'discovered', unitId, ctx, problems);
  const closedOn = pastDate(at('closedOn'), 'closedOn', unitId, ctx, problems);
  const dated = closedOn !== null || problems.slice(before).some((p) => p.field === 'closedOn');
  const closed = status === 'closed' || (statusText === null && dated);
  if (!closed) {
    if (dated) problems.push({ field: 'closedOn', code: 'closure.notClosed' });
    return null;
  }
  if (!dated) problems.push({ field: 'closedOn', code: 'closure.dateMissing' });
  if (closedOn !== null && discovered !== null && closedOn < discovered)
    problems.push({ field: 'closedOn', code: 'closure.beforeDiscovery' });
  const names = field('verifiers');
  const verifiers = (names ?? '')
    .split(NAME_SEPARATORS)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (verifiers.length > MAX_VERIFIERS || verifiers.some((n) => n.length > MAX_VERIFIER_LEN))
    problems.push({ field: 'verifiers', code: 'text.tooLong' });
  if (closedOn === null || problems.length > before) return null;
  return { closedOn, verifiers };
}

const isEmpty = (cells: readonly Cell[] | undefined) =>
  !cells || cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The data rows below the header (empty rows skipped), each checked. */
export function checkRows(
  rows: readonly Cell[][],
  header: HeaderMatch,
  units: UnitMatcher,
  ctx: RowContext,
): CheckedRow[] {
  const out: CheckedRow[] = [];
  for (let i = header.headerRow + 1; i < rows.length; i++) {
    if (isEmpty(rows[i])) continue;
    out.push(checkRow(rows[i]!, i + 1, header, units, ctx));
  }
  return out;
}

/** The number of data rows below the header (empty rows not counted). */
export const dataRowCount = (rows: readonly Cell[][], headerRow: number) =>
  rows.slice(headerRow + 1).filter((r) => !isEmpty(r)).length;

/** What a problem says in the annotated file's 问题说明 column (Chinese, as the user reads it). */
const PROBLEM_TEXT: Record<RowProblem['code'], string> = {
  'field.missing': '未填写',
  'text.tooLong': '内容过长',
  'text.unsafeCharacters': '含有控制字符或文字方向控制符，请删除后重新导入',
  'unit.unknown': '单位不存在或不在本级管辖范围内',
  'unit.ambiguous': '单位名称对应多个单位，请填写全称或单位编码',
  'date.invalid': '日期无法识别（可用 2018-06-30、2018/6/30、2018.6.30、2018年6月30日）',
  'amount.invalid': '金额不是数字',
  'amount.negative': '金额不能为负数',
  'amount.tooPrecise': '金额小数位超过到分的精度',
  'amount.tooLarge': '金额过大',
  'instant.invalid': '日期无法识别',
  'instant.future': '日期晚于今天',
  'instant.beforeUnit': '日期早于单位成立日期',
  'closure.dateMissing': '已销号的问题须填写销号日期',
  'closure.notClosed': '填写了销号日期，但整改状态不是已销号，请核对',
  'closure.beforeDiscovery': '销号日期早于问题发现日期',
  'record.useUpdate': '该行导出自本系统（有记录编号），请用“台账更新”导入，以免重复建档',
  'record.unknown': '记录编号不存在或不在本级管辖范围内',
  'version.invalid': '版本不是数字',
  'status.notByImport': '整改状态的这一变化须在系统内办理（销号须经两级复核）',
};

export const problemText = (p: RowProblem): string =>
  `${LEDGER_HEADERS[p.field][0]}：${PROBLEM_TEXT[p.code]}`;
