/**
 * The organisation import's rows read cell by cell (issue 14): each field parsed with the core's rules
 * (dates, kinds, posts, plain text) and every problem named by its field. What a row means beside the
 * others — its parent, its person, its overlaps — is org-plan.ts's business.
 */
import {
  isPlainText,
  type OrgHeaderMatch,
  type PostKind,
  parseLedgerDate,
  postKindOf,
  type TenureSheetField,
  type UnitKind,
  type UnitSheetField,
  unitKindOf,
  unitKindOfName,
  unquoteFormula,
} from '@jiandu/shared';
import type { OrgRowProblem } from '@jiandu/shared/api';
import type { Cell } from './read-rows.js';

export type { OrgRowProblem };

export interface UnitRow {
  line: number;
  name: string | null;
  kind: UnitKind | null;
  parent: string | null;
  code: string | null;
  aliases: string[];
  establishedOn: string | null;
  problems: OrgRowProblem[];
}

export interface TenureRow {
  line: number;
  person: string | null;
  personKey: string | null;
  unit: string | null;
  post: PostKind | null;
  title: string | null;
  from: string | null;
  to: string | null;
  problems: OrgRowProblem[];
}

/** Text limits of the record fields a column fills (the unit and tenure schemas' own). */
const MAX_LEN: Partial<Record<UnitSheetField | TenureSheetField, number>> = {
  name: 100,
  kind: 50,
  parent: 200,
  code: 32,
  aliases: 2100,
  person: 50,
  personKey: 32,
  unit: 200,
  post: 100,
  title: 100,
};

const textOf = (c: Cell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  // A text we exported as "'-…" (neutraliseFormula) reads as it was written.
  const s = unquoteFormula(c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();
  return s === '' ? null : s;
};

export const error = (field: OrgRowProblem['field'], code: OrgRowProblem['code']): OrgRowProblem => ({
  field,
  code,
  severity: 'error',
});

/** A reader of one row's cells by field, collecting problems as it reads. */
function reader<F extends UnitSheetField | TenureSheetField>(
  cells: readonly Cell[],
  header: OrgHeaderMatch<F>,
  problems: OrgRowProblem[],
) {
  const at = (f: F): Cell | undefined => {
    const c = header.columns[f];
    return c === undefined ? undefined : cells[c];
  };
  const text = (f: F): string | null => {
    const v = textOf(at(f));
    const max = MAX_LEN[f];
    if (v !== null && max !== undefined && v.length > max) {
      problems.push(error(f, 'text.tooLong'));
      return null;
    }
    // The same characters the record schemas refuse (control characters, bidi overrides).
    if (v !== null && !isPlainText(v)) {
      problems.push(error(f, 'text.unsafeCharacters'));
      return null;
    }
    return v;
  };
  const required = (f: F): string | null => {
    const v = text(f);
    if (v === null && !problems.some((p) => p.field === f)) problems.push(error(f, 'field.missing'));
    return v;
  };
  const date = (f: F): string | null => {
    const d = parseLedgerDate(at(f) ?? null);
    if (d.ok) return d.date;
    problems.push(error(f, d.code));
    return null;
  };
  return { at, text, required, date };
}

/** 简称/曾用名 as written: several names separated by 、 ; ； or a line break (a comma too, as people do). */
export const splitAliases = (s: string | null): string[] =>
  s === null
    ? []
    : [
        ...new Set(
          s
            .split(/[、;；,，\n]/)
            .map((a) => a.trim())
            .filter((a) => a !== ''),
        ),
      ];

export function readUnitRow(
  cells: readonly Cell[],
  line: number,
  header: OrgHeaderMatch<UnitSheetField>,
): UnitRow {
  const problems: OrgRowProblem[] = [];
  const r = reader(cells, header, problems);
  const name = r.required('name');
  const kindText = r.text('kind');
  // An empty 单位类型 cell: the kind the name's last word gives (青松镇 → 乡镇), as a reader would take it.
  const kind = kindText !== null ? unitKindOf(kindText) : name !== null ? unitKindOfName(name) : null;
  if (kind === null && name !== null && !problems.some((p) => p.field === 'kind'))
    problems.push(error('kind', 'kind.unknown'));
  const aliases = splitAliases(r.text('aliases')).filter((a) => a !== name);
  if (aliases.length > 20 || aliases.some((a) => a.length > 100))
    problems.push(error('aliases', 'text.tooLong'));
  return {
    line,
    name,
    kind,
    // The parent may be empty only on a row naming a unit already in the system (org-plan.ts).
    parent: r.text('parent'),
    code: r.text('code'),
    aliases,
    establishedOn: r.date('establishedOn'),
    problems,
  };
}

/** The category words themselves are not titles: a 职务 text is kept only when it says more. */
const CATEGORY_WORDS = new Set(['主要负责人', '分管负责人', '分管领导', 'principal', 'deputy_in_charge']);

export function readTenureRow(
  cells: readonly Cell[],
  line: number,
  header: OrgHeaderMatch<TenureSheetField>,
): TenureRow {
  const problems: OrgRowProblem[] = [];
  const r = reader(cells, header, problems);
  const person = r.required('person');
  const personKey = r.text('personKey');
  const unit = r.required('unit');
  const postText = r.text('post');
  const titleText = r.text('title');
  // 职务类别 decides; without it the title (党委书记, 副县长 …) says which post it is.
  const postSource: TenureSheetField = postText !== null ? 'post' : 'title';
  const said = postText ?? titleText;
  const post = said === null ? null : postKindOf(said);
  if (!problems.some((p) => p.field === 'post' || p.field === 'title')) {
    if (said === null) problems.push(error('post', 'field.missing'));
    else if (post === null) problems.push(error(postSource, 'post.unknown'));
  }
  const title = titleText ?? (postText !== null && !CATEGORY_WORDS.has(postText) ? postText : null);
  const from = r.date('from');
  if (from === null && !problems.some((p) => p.field === 'from'))
    problems.push(error('from', 'field.missing'));
  const to = r.date('to');
  if (from !== null && to !== null && to < from) problems.push(error('to', 'tenure.datesReversed'));
  return { line, person, personKey, unit, post, title, from, to, problems };
}

const isEmpty = (cells: readonly Cell[] | undefined) =>
  !cells || cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** The data rows below a header row (empty rows skipped), each read. */
export function readRows<F extends UnitSheetField | TenureSheetField, R>(
  rows: readonly Cell[][],
  header: OrgHeaderMatch<F>,
  read: (cells: readonly Cell[], line: number, header: OrgHeaderMatch<F>) => R,
): R[] {
  const out: R[] = [];
  for (let i = header.headerRow + 1; i < rows.length; i++) {
    if (isEmpty(rows[i])) continue;
    out.push(read(rows[i]!, i + 1, header));
  }
  return out;
}
