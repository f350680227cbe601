/**
 * A rectification ledger's rows checked before anything is written: each row's fields are parsed with
 * the pure rules of @jiandu/shared (dates, amounts, headers, status) and its unit matched inside the
 * caller's jurisdiction. Every problem names the field (a ledger column) and a stable code.
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
  parseAmountFen,
  parseLedgerDate,
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
};

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
      status: ledgerStatusOf(statusText),
      statusText,
      amountFen: a.fen ?? 0,
      externalId: ledgerExternalId(source, unit.id, description),
    },
  };
}

const isEmpty = (cells: readonly Cell[] | undefined) =>
  !cells || cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The data rows below the header (empty rows skipped), each checked. */
export function checkRows(rows: readonly Cell[][], header: HeaderMatch, units: UnitMatcher): CheckedRow[] {
  const out: CheckedRow[] = [];
  for (let i = header.headerRow + 1; i < rows.length; i++) {
    if (isEmpty(rows[i])) continue;
    out.push(checkRow(rows[i]!, i + 1, header, units));
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
};

export const problemText = (p: RowProblem): string =>
  `${LEDGER_HEADERS[p.field][0]}：${PROBLEM_TEXT[p.code]}`;
