/**
 * The rows of a past-records sheet checked before anything is written: a reader of one row's cells by
 * field (text bounds, units inside the caller's jurisdiction, days and times, numbers, enumerations) and
 * the ONE check of every past instant (the core's pastInstantProblem: not after now beyond the scheme's
 * skew, not before the unit's 成立日期). Each kind's rows are built in records-<kind>-rows.ts.
 */
import { createHash } from 'node:crypto';
import {
  type AmountUnit,
  type AnyRecordField,
  isPlainText,
  parseAmountFen,
  parseLedgerDate,
  parseSheetTime,
  pastInstantProblem,
  type RecordHeaderMatch,
  type Scheme,
  type Unit,
  unquoteFormula,
} from '@jiandu/shared';
import type { RecordsRowProblem } from '@jiandu/shared/api';
import type { Cell } from './read-rows.js';
import type { UnitMatcher } from './unit-matcher.js';

export interface RowContext {
  units: UnitMatcher;
  scheme: Scheme;
  /** The server's now (ms). */
  nowMs: number;
}

export interface Checked<R> {
  /** The row's number in the sheet (1-based, as Excel shows it). */
  line: number;
  problems: RecordsRowProblem[];
  row: R | null;
  unitId?: string;
}

/** A past instant read from a cell: the instant, its local day, and whether only the day was given. */
export interface PastTime {
  instant: string;
  date: string;
  dateOnly: boolean;
}

export const cellText = (c: Cell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  const s = unquoteFormula(c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();
  return s === '' ? null : s;
};

/** A short stable hash for natural keys made of a row's content. */
export const contentKey = (...parts: string[]): string =>
  createHash('sha256')
    .update(parts.map((p) => p.replace(/[\s\u3000]/g, '')).join('\u0000'))
    .digest('hex')
    .slice(0, 40);

export class RowReader {
  readonly problems: RecordsRowProblem[] = [];
  /** The unit the row is about, once read (its 成立日期 bounds the row's past instants). */
  unit: Unit | null = null;

  constructor(
    private readonly cells: readonly Cell[],
    private readonly header: RecordHeaderMatch,
    private readonly ctx: RowContext,
  ) {}

  problem(field: AnyRecordField, code: RecordsRowProblem['code']): void {
    if (!this.problems.some((p) => p.field === field)) this.problems.push({ field, code });
  }

  has = (field: AnyRecordField): boolean => this.problems.some((p) => p.field === field);

  cell(field: AnyRecordField): Cell | undefined {
    const c = this.header.columns[field];
    return c === undefined ? undefined : this.cells[c];
  }

  /** Plain text of at most `max` characters; null when empty (and `field.missing` when required). */
  text(field: AnyRecordField, max: number, required = false): string | null {
    const v = cellText(this.cell(field));
    if (v === null) {
      if (required) this.problem(field, 'field.missing');
      return null;
    }
    if (v.length > max) this.problem(field, 'text.tooLong');
    else if (!isPlainText(v)) this.problem(field, 'text.unsafeCharacters');
    else return v;
    return null;
  }

  /** The unit named in `field`, inside the caller's jurisdiction. */
  readUnit(field: AnyRecordField, required = true): Unit | null {
    const t = this.text(field, 200, required);
    if (t === null) return null;
    const m = this.ctx.units.match(t);
    if (!m.ok) {
      this.problem(field, m.code);
      return null;
    }
    this.unit = m.unit;
    return m.unit;
  }

  /** One of an enumeration's values, read by `lookup`; `value.unknown` when it is none. */
  oneOf<T extends string>(
    field: AnyRecordField,
    lookup: (t: string) => T | null,
    required: boolean,
  ): T | null {
    const t = this.text(field, 100, required);
    if (t === null) return null;
    const v = lookup(t);
    if (v === null) this.problem(field, 'value.unknown');
    return v;
  }

  /** A non-negative number (integer when asked), or null when empty. */
  number(field: AnyRecordField, opts: { integer?: boolean; max?: number } = {}): number | null {
    const c = this.cell(field);
    const t = typeof c === 'number' ? c : cellText(c)?.replace(/[,，\s]/g, '');
    if (t === null || t === undefined) return null;
    const n = typeof t === 'number' ? t : /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
    const fits =
      Number.isFinite(n) &&
      n >= 0 &&
      n <= (opts.max ?? 1e12) &&
      (opts.integer ? Number.isInteger(n) : Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6);
    if (!fits) {
      this.problem(field, 'number.invalid');
      return null;
    }
    return n;
  }

  amountFen(field: AnyRecordField, unit: AmountUnit): number {
    const a = parseAmountFen(this.cell(field) as string | number | null | undefined, unit);
    if (!a.ok) {
      this.problem(field, a.code);
      return 0;
    }
    return a.fen ?? 0;
  }

  /** The one check of a past instant (or day), with the row's unit's 成立日期 where known. */
  past(field: AnyRecordField, value: string): boolean {
    const p = pastInstantProblem(value, {
      nowMs: this.ctx.nowMs,
      rules: this.ctx.scheme.migration,
      timeZone: this.ctx.scheme.timeZone,
      establishedOn: this.unit?.establishedOn,
    });
    if (p === null) return true;
    this.problem(field, p === 'instant.invalid' ? 'date.invalid' : p);
    return false;
  }

  /** A past day (a local date). */
  day(field: AnyRecordField, required: boolean, o: { past: boolean } = { past: true }): string | null {
    const d = parseLedgerDate(this.cell(field) ?? null);
    if (!d.ok) this.problem(field, d.code);
    else if (d.date === null) {
      if (required) this.problem(field, 'field.missing');
    } else if (!o.past || this.past(field, d.date)) return d.date;
    return null;
  }

  /**
   * A past time. A day without a time stands for the start of that day, or — when `after` (the step
   * it follows) lies on the same day — for that step's instant: the order within a day is unknown, and
   * a step is never before the one it follows (`instant.order` when it is).
   */
  time(field: AnyRecordField, required: boolean, after: PastTime | null = null): PastTime | null {
    const r = parseSheetTime(this.cell(field) ?? null, this.ctx.scheme.timeZone);
    if (!r.ok) {
      this.problem(field, r.code);
      return null;
    }
    if (r.value === null) {
      if (required) this.problem(field, 'field.missing');
      return null;
    }
    let v: PastTime = r.value;
    if (after && v.dateOnly && v.date === after.date) v = { ...v, instant: after.instant };
    if (!this.past(field, v.instant)) return null;
    if (after && Date.parse(v.instant) < Date.parse(after.instant)) {
      this.problem(field, 'instant.order');
      return null;
    }
    return v;
  }
}

const isEmpty = (cells: readonly Cell[] | undefined) =>
  !cells || cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The data rows below the header (empty rows skipped), each with its line. */
export function dataRows(rows: readonly Cell[][], headerRow: number): { line: number; cells: Cell[] }[] {
  const out: { line: number; cells: Cell[] }[] = [];
  for (let i = headerRow + 1; i < rows.length; i++)
    if (!isEmpty(rows[i])) out.push({ line: i + 1, cells: rows[i]! });
  return out;
}
