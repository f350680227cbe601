/**
 * The organisation import's two sheets (单位, 人员任职; issue 14) and the header spellings county
 * offices use for their columns. Headers are compared as the ledger's are (normalizeHeader: spaces,
 * stars, bracket width ignored). A sheet is told by its headers, not its name: a csv has no sheet name.
 */
import { normalizeHeader } from './headers.js';

export const UNIT_SHEET_FIELDS = ['name', 'kind', 'parent', 'code', 'aliases', 'establishedOn'] as const;
export type UnitSheetField = (typeof UNIT_SHEET_FIELDS)[number];

export const TENURE_SHEET_FIELDS = ['person', 'personKey', 'unit', 'post', 'title', 'from', 'to'] as const;
export type TenureSheetField = (typeof TENURE_SHEET_FIELDS)[number];

export type OrgSheetField = UnitSheetField | TenureSheetField;

/** The canonical header of each field (the first) and its common variants. */
export const UNIT_HEADERS: Record<UnitSheetField, readonly string[]> = {
  name: ['单位名称', '单位', '名称', '机构名称', '单位全称', '组织名称'],
  kind: ['单位类型', '层级', '单位层级', '类型', '单位类别', '机构类型', '级别'],
  parent: [
    '上级单位',
    '上级单位名称',
    '上级',
    '上级机构',
    '所属单位',
    '隶属单位',
    '主管单位',
    '上级单位编码',
  ],
  code: [
    '单位编码',
    '统一社会信用代码',
    '行政区划代码',
    '区划代码',
    '机构代码',
    '组织机构代码',
    '编码',
    '代码',
  ],
  aliases: ['简称/曾用名', '简称', '曾用名', '别名', '其他名称'],
  establishedOn: ['成立日期', '成立时间', '设立日期', '设立时间'],
};

export const TENURE_HEADERS: Record<TenureSheetField, readonly string[]> = {
  person: ['姓名', '人员姓名', '干部姓名', '负责人姓名', '负责人'],
  personKey: ['人员编号', '身份证号后四位', '身份证后四位', '证件号后四位', '干部编号', '工号'],
  unit: ['单位', '任职单位', '所在单位', '单位名称', '工作单位'],
  post: ['职务类别', '岗位类别', '职务类型', '责任类别', '负责类别'],
  title: ['职务', '现任职务', '职务名称', '担任职务', '职位'],
  from: ['任职开始', '起始日期', '任职时间', '任职开始日期', '开始日期', '任职日期', '到任日期', '起任时间'],
  to: ['任职结束', '离任日期', '任职结束日期', '结束日期', '离任时间', '免职日期', '卸任日期'],
};

/** Fields a row cannot do without (the post may come from 职务类别 or, failing it, from 职务). */
export const REQUIRED_UNIT_FIELDS: readonly UnitSheetField[] = ['name', 'parent'];
export const REQUIRED_TENURE_FIELDS: readonly TenureSheetField[] = ['person', 'unit', 'from'];

export interface OrgHeaderMatch<F extends string> {
  /** Index of the header row among the rows looked at (title rows above it are skipped). */
  headerRow: number;
  /** Column index of each recognised field (the first column naming it). */
  columns: Partial<Record<F, number>>;
  /** Headers that name no field (kept in the annotated file, ignored otherwise). */
  unknown: string[];
  missing: F[];
}

function fieldOf<F extends string>(table: Record<F, readonly string[]>, header: string): F | null {
  const h = normalizeHeader(header);
  if (h === '') return null;
  for (const [field, variants] of Object.entries(table) as [F, readonly string[]][]) {
    if (variants.some((v) => normalizeHeader(v) === h)) return field;
  }
  return null;
}

export const unitFieldOfHeader = (h: string) => fieldOf(UNIT_HEADERS, h);
export const tenureFieldOfHeader = (h: string) => fieldOf(TENURE_HEADERS, h);

function matchRows<F extends string>(
  rows: readonly (readonly unknown[])[],
  table: Record<F, readonly string[]>,
  required: readonly F[],
  isHeader: (columns: Partial<Record<F, number>>) => boolean,
  lookAhead: number,
): OrgHeaderMatch<F> | null {
  for (let r = 0; r < Math.min(lookAhead, rows.length); r++) {
    const columns: Partial<Record<F, number>> = {};
    const unknown: string[] = [];
    (rows[r] ?? []).forEach((cell, c) => {
      const text = cell === null || cell === undefined ? '' : String(cell);
      const field = fieldOf(table, text);
      if (field === null) {
        if (text.trim()) unknown.push(text.trim());
        return;
      }
      if (columns[field] === undefined) columns[field] = c;
    });
    if (isHeader(columns)) {
      return { headerRow: r, columns, unknown, missing: required.filter((f) => columns[f] === undefined) };
    }
  }
  return null;
}

/**
 * The 单位 sheet's header row: the first of `lookAhead` rows naming the unit's name and its kind or
 * parent (a 人员任职 sheet names neither of those, so the two sheets are never confused).
 */
export const matchUnitHeaders = (rows: readonly (readonly unknown[])[], lookAhead = 10) =>
  matchRows(
    rows,
    UNIT_HEADERS,
    REQUIRED_UNIT_FIELDS,
    (c) => c.name !== undefined && (c.kind !== undefined || c.parent !== undefined),
    lookAhead,
  );

/**
 * The 人员任职 sheet's header row: the first naming the person (姓名), the unit, and the post or the
 * start date. The post is missing only when neither 职务类别 nor 职务 is there.
 */
export function matchTenureHeaders(
  rows: readonly (readonly unknown[])[],
  lookAhead = 10,
): OrgHeaderMatch<TenureSheetField> | null {
  const m = matchRows(
    rows,
    TENURE_HEADERS,
    REQUIRED_TENURE_FIELDS,
    (c) =>
      c.person !== undefined &&
      c.unit !== undefined &&
      (c.post !== undefined || c.title !== undefined || c.from !== undefined),
    lookAhead,
  );
  if (m && m.columns.post === undefined && m.columns.title === undefined) m.missing.push('post');
  return m;
}
