/**
 * The sheets of a past-records import (历史数据导入, DESIGN §4.7) and the header spellings Chinese
 * county offices use for them: findings (督查发现问题), petitions (信访), opinion signals (舆情) and
 * indicators with their quarterly actuals (考核指标). One workbook holds any of them, a sheet each (or
 * one csv per kind): a sheet's kind is told by its header row, not by its name. Headers are compared as
 * the ledger's are (normalizeHeader: spaces, stars, bracket width ignored).
 */
import type { AmountUnit } from './amount.js';
import { normalizeHeader } from './headers.js';

export const RECORD_KINDS = ['findings', 'petitions', 'signals', 'indicators'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The name of each kind's sheet in a workbook we write (an annotated csv, a template). */
export const RECORD_SHEET_NAMES: Record<RecordKind, string> = {
  findings: '督查发现问题',
  petitions: '信访',
  signals: '舆情',
  indicators: '考核指标',
};

/** The canonical header of each field (the first) and its common variants, per kind. */
export const RECORD_HEADERS = {
  findings: {
    discoveredOn: ['发现日期', '发现时间', '督查日期', '检查日期', '发现问题日期'],
    unit: ['单位', '责任单位', '被督查单位', '问题单位', '涉及单位'],
    category: ['问题类别', '问题类型', '问题分类', '类别'],
    severity: ['严重程度', '问题等级', '严重性', '等级'],
    description: ['问题描述', '问题内容', '存在问题', '具体问题', '主要问题', '问题'],
    amount: ['涉及金额(万元)', '金额(万元)', '涉及资金(万元)', '问题金额(万元)', '涉及金额', '金额'],
    source: ['来源', '问题来源', '发现来源', '发现方式'],
    externalId: ['外部编号', '问题编号', '原编号', '编号'],
    deadline: ['整改时限', '整改期限', '完成时限'],
  },
  petitions: {
    externalId: ['受理编号', '信访编号', '信访件编号', '登记编号', '编号'],
    name: ['来信人姓名', '信访人姓名', '来访人姓名', '信访人', '来信人', '反映人', '姓名'],
    idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
    phone: ['电话', '联系电话', '手机号', '手机号码', '联系方式'],
    channel: ['渠道', '信访渠道', '信访形式', '信访方式', '来源渠道'],
    level: ['受理层级', '受理级别', '登记层级', '收件层级'],
    unit: ['单位', '责任单位', '被反映单位', '涉及单位', '办理单位'],
    category: ['类别', '问题类别', '信访类别', '问题类型'],
    matter: ['事项', '信访事项', '反映问题', '主要诉求', '信访内容', '问题描述'],
    receivedAt: ['收到时间', '收到日期', '收件时间', '来信来访时间', '登记时间'],
    acceptedAt: ['受理时间', '受理日期', '受理告知时间'],
    notAcceptedReason: ['不予受理理由', '不予受理原因', '不受理理由'],
    handledAt: ['办结时间', '办结日期', '办理完毕时间', '答复时间'],
    satisfaction: ['满意度', '满意程度', '回访满意度', '群众满意度', '回访结果'],
    followUpAt: ['回访时间', '回访日期'],
  },
  signals: {
    platform: ['平台', '发布平台', '来源平台', '媒体', '载体'],
    url: ['链接', '原文链接', '网址', 'url', '地址'],
    title: ['标题', '舆情标题', '帖子标题'],
    excerpt: ['摘要', '内容摘要', '主要内容'],
    publishedAt: ['发布时间', '发布日期', '发帖时间'],
    reach: ['阅读/转发/评论', '阅读/转发/评论数'],
    reads: ['阅读', '阅读量', '阅读数', '浏览量', '点击量'],
    reposts: ['转发', '转发量', '转发数'],
    comments: ['评论', '评论量', '评论数'],
    polarity: ['倾向', '倾向性', '情感倾向', '正负面'],
    severity: ['等级', '舆情等级', '严重程度', '级别'],
    unit: ['单位', '涉及单位', '责任单位', '属地单位'],
  },
  indicators: {
    unit: ['单位', '责任单位', '考核单位'],
    year: ['年度', '年份', '考核年度'],
    name: ['指标名称', '考核指标', '任务名称', '指标'],
    measure: ['计量单位', '单位名称(计量)', '量纲'],
    target: ['目标值', '年度目标', '全年目标', '目标任务'],
    q1: ['一季度累计实际', '一季度累计', '一季度实际', '第一季度', '一季度', '1季度', 'q1'],
    q2: ['二季度累计实际', '二季度累计', '二季度实际', '第二季度', '二季度', '2季度', 'q2'],
    q3: ['三季度累计实际', '三季度累计', '三季度实际', '第三季度', '三季度', '3季度', 'q3'],
    q4: ['四季度累计实际', '四季度累计', '四季度实际', '第四季度', '四季度', '4季度', 'q4'],
  },
} as const satisfies Record<RecordKind, Record<string, readonly string[]>>;

export type RecordField<K extends RecordKind = RecordKind> = keyof (typeof RECORD_HEADERS)[K] & string;

/** Every field name of every kind (a row's problem names one; records-headers.test.ts checks the list). */
export const RECORD_FIELDS = [
  'discoveredOn',
  'unit',
  'category',
  'severity',
  'description',
  'amount',
  'source',
  'externalId',
  'deadline',
  'name',
  'idNumber',
  'phone',
  'channel',
  'level',
  'matter',
  'receivedAt',
  'acceptedAt',
  'notAcceptedReason',
  'handledAt',
  'satisfaction',
  'followUpAt',
  'platform',
  'url',
  'title',
  'excerpt',
  'publishedAt',
  'reach',
  'reads',
  'reposts',
  'comments',
  'polarity',
  'year',
  'measure',
  'target',
  'q1',
  'q2',
  'q3',
  'q4',
] as const satisfies readonly { [K in RecordKind]: RecordField<K> }[RecordKind][];
export type AnyRecordField = (typeof RECORD_FIELDS)[number];

/** Fields a row of each kind cannot do without (the sheet is refused when a column is missing). */
export const REQUIRED_RECORD_FIELDS: { [K in RecordKind]: readonly RecordField<K>[] } = {
  findings: ['discoveredOn', 'unit', 'category', 'severity', 'description'],
  petitions: ['externalId', 'name', 'channel', 'level', 'unit', 'category', 'matter', 'receivedAt'],
  signals: ['platform', 'url', 'title', 'publishedAt', 'polarity', 'severity'],
  indicators: ['unit', 'year', 'name'],
};

/** The columns that tell a sheet's kind: a header row naming all of them is of that kind. */
const SIGNATURE: { [K in RecordKind]: readonly RecordField<K>[] } = {
  findings: ['discoveredOn', 'description'],
  petitions: ['receivedAt', 'matter'],
  signals: ['url', 'publishedAt'],
  indicators: ['year', 'name'],
};

const AMOUNT_IN_YUAN = /^(涉及金额|金额|涉及资金|问题金额)\(元\)$/;

export interface RecordHeaderMatch {
  kind: RecordKind;
  /** Index of the header row (title rows above it are skipped). */
  headerRow: number;
  /** Column index of each recognised field (the first column naming it). */
  columns: Partial<Record<string, number>>;
  amountUnit: AmountUnit;
  /** Headers that name no field of the kind (kept in the annotated file, ignored otherwise). */
  unknown: string[];
  missing: string[];
}

function matchRow(kind: RecordKind, row: readonly unknown[]): RecordHeaderMatch & { hits: number } {
  const headers = RECORD_HEADERS[kind] as Record<string, readonly string[]>;
  const columns: Partial<Record<string, number>> = {};
  const unknown: string[] = [];
  let amountUnit: AmountUnit = 'wan';
  row.forEach((cell, c) => {
    const text = cell === null || cell === undefined ? '' : String(cell);
    const h = normalizeHeader(text);
    if (h === '') return;
    let field: string | undefined;
    if (kind === 'findings' && AMOUNT_IN_YUAN.test(h)) {
      field = 'amount';
      amountUnit = 'yuan';
    } else field = Object.keys(headers).find((f) => headers[f]!.some((v) => normalizeHeader(v) === h));
    if (field === undefined) unknown.push(text.trim());
    else if (columns[field] === undefined) columns[field] = c;
  });
  const missing = (REQUIRED_RECORD_FIELDS[kind] as readonly string[]).filter((f) => columns[f] === undefined);
  return { kind, headerRow: 0, columns, amountUnit, unknown, missing, hits: Object.keys(columns).length };
}

/**
 * The kind and header row of a sheet: among the first `lookAhead` rows, the first that names every
 * signature column of some kind (if of several, the kind it names most fields of). Null: no such row.
 */
export function matchRecordHeaders(
  rows: readonly (readonly unknown[])[],
  lookAhead = 10,
): RecordHeaderMatch | null {
  for (let r = 0; r < Math.min(lookAhead, rows.length); r++) {
    const row = rows[r] ?? [];
    const fits = RECORD_KINDS.map((k) => matchRow(k, row)).filter((m) =>
      (SIGNATURE[m.kind] as readonly string[]).every((f) => m.columns[f] !== undefined),
    );
    if (fits.length === 0) continue;
    const best = fits.reduce((a, b) => (b.hits > a.hits ? b : a));
    const { hits: _hits, ...match } = best;
    return { ...match, headerRow: r };
  }
  return null;
}

/** The canonical header of a field of a kind (for the annotated file's problem texts). */
export const recordHeaderOf = (kind: RecordKind, field: string): string =>
  (RECORD_HEADERS[kind] as Record<string, readonly string[]>)[field]?.[0] ?? field;
