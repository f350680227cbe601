/**
 * The columns of a rectification ledger (整改台账, DESIGN §7) and the header spellings people use for
 * them. Headers are compared after normalizing: spaces (also full-width), line breaks, required-field
 * stars and bracket width are ignored, so "涉及金额（万元）", "涉及金额 (万元)" and "*涉及金额(万元)" are one.
 */
import type { AmountUnit } from './amount.js';

export const LEDGER_FIELDS = [
  'seq',
  'source',
  'category',
  'description',
  'unit',
  'person',
  'measures',
  'deadline',
  'progress',
  'status',
  'amount',
  'discovered',
  'closedOn',
  'verifiers',
  'recordId',
  'version',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Fields a row cannot do without: what the problem is, who must fix it, and by when. */
export const REQUIRED_LEDGER_FIELDS: readonly LedgerField[] = ['description', 'unit', 'deadline'];

/** The canonical header of each field (the first) and its common variants. */
export const LEDGER_HEADERS: Record<LedgerField, readonly string[]> = {
  seq: ['序号', '编号', '序'],
  source: ['问题来源', '来源', '发现来源', '问题出处'],
  category: ['问题类别', '问题类型', '问题分类', '类别', '类型'],
  description: ['问题描述', '问题清单', '存在问题', '问题内容', '具体问题', '问题表现', '主要问题', '问题'],
  unit: ['责任单位', '牵头单位', '责任部门', '整改责任单位', '整改单位', '责任主体'],
  person: ['责任人', '整改责任人', '具体责任人', '联系人'],
  measures: ['整改措施', '整改举措', '整改方案'],
  // A 计划/要求 completion time is the deadline, not the day it was done (完成时间 alone is the latter).
  deadline: [
    '整改时限',
    '完成时限',
    '整改期限',
    '时限要求',
    '整改完成时限',
    '完成期限',
    '计划完成时间',
    '计划完成日期',
    '要求完成时间',
    '要求完成时限',
    '整改截止时间',
    '截止日期',
  ],
  progress: ['整改进展', '完成情况', '整改情况', '进展情况', '整改进度', '整改完成情况'],
  status: ['整改状态/是否销号', '整改状态', '是否销号', '销号情况', '整改结果', '状态'],
  amount: ['涉及金额(万元)', '金额(万元)', '涉及资金(万元)', '问题金额(万元)', '涉及金额', '金额'],
  /** When the problem was found or handed down (a closure cannot precede it). */
  discovered: ['发现时间', '发现日期', '问题发现时间', '交办时间', '交办日期', '移交时间', '移交日期'],
  /** The day a 已销号 row was closed (销号) offline: the closure date of its migrated closure. */
  closedOn: [
    '销号日期',
    '销号时间',
    '完成时间',
    '完成日期',
    '整改完成时间',
    '整改完成日期',
    '实际完成时间',
    '实际完成日期',
    '办结时间',
    '办结日期',
    '销号验收时间',
    '验收时间',
    '验收日期',
  ],
  /** Who verified the closure offline (names, or a verifying unit), kept on the migrated closure. */
  verifiers: [
    '复核人',
    '验收人',
    '销号审核人',
    '核查人',
    '验收单位',
    '复核人员',
    '验收人员',
    '核查人员',
    '销号审核人员',
    '审核人',
    '复核验收人',
    '销号验收人',
    '复核单位',
    '验收部门',
  ],
  /** The round trip (a ledger exported from Jiandu): the record's id and the version it was exported at. */
  recordId: ['记录编号', '整改编号', '记录ID'],
  version: ['版本', '版本号'],
};

export function normalizeHeader(h: string): string {
  return h
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/／/g, '/')
    .toLowerCase();
}

const AMOUNT_IN_YUAN = /^(涉及金额|金额|涉及资金|问题金额)\(元\)$/;

/** A trailing hint of how to fill a column: "销号日期(年月日)", "复核人(签字)". */
const FILL_HINT = /\([^()]*\)$/;

function exactField(h: string): LedgerField | null {
  return LEDGER_FIELDS.find((f) => LEDGER_HEADERS[f].some((v) => normalizeHeader(v) === h)) ?? null;
}

/** The field a header names (and for the amount, its unit), or null. */
export function fieldOfHeader(header: string): { field: LedgerField; amountUnit?: AmountUnit } | null {
  const h = normalizeHeader(header);
  if (h === '') return null;
  if (AMOUNT_IN_YUAN.test(h)) return { field: 'amount', amountUnit: 'yuan' };
  // Exactly as listed first (the amount's unit is part of its header); else without a fill hint, which
  // names the amount's unit for no other field ("金额(亿元)" stays unknown rather than read as 万元).
  const field = exactField(h) ?? (FILL_HINT.test(h) ? exactField(h.replace(FILL_HINT, '')) : null);
  if (field === null || (field === 'amount' && exactField(h) === null)) return null;
  return field === 'amount' ? { field, amountUnit: 'wan' } : { field };
}

export interface HeaderMatch {
  /** Index of the header row among the rows looked at (title rows above it are skipped). */
  headerRow: number;
  /** Column index of each recognised field (the first column naming it). */
  columns: Partial<Record<LedgerField, number>>;
  amountUnit: AmountUnit;
  /** Headers that name no field (kept in the annotated file, ignored otherwise). */
  unknown: string[];
  missing: LedgerField[];
}

/**
 * Finds the header row among the first `lookAhead` rows: the first naming the description and at
 * least two other fields (a ledger usually starts with a title row such as "XX县审计整改台账").
 * Null when no row qualifies.
 */
export function matchLedgerHeaders(
  rows: readonly (readonly unknown[])[],
  lookAhead = 10,
): HeaderMatch | null {
  for (let r = 0; r < Math.min(lookAhead, rows.length); r++) {
    const columns: Partial<Record<LedgerField, number>> = {};
    const unknown: string[] = [];
    let amountUnit: AmountUnit = 'wan';
    (rows[r] ?? []).forEach((cell, c) => {
      const text = cell === null || cell === undefined ? '' : String(cell);
      const hit = fieldOfHeader(text);
      if (!hit) {
        if (text.trim()) unknown.push(text.trim());
        return;
      }
      if (columns[hit.field] !== undefined) return;
      columns[hit.field] = c;
      if (hit.amountUnit) amountUnit = hit.amountUnit;
    });
    if (columns.description !== undefined && Object.keys(columns).length >= 3) {
      const missing = REQUIRED_LEDGER_FIELDS.filter((f) => columns[f] === undefined);
      return { headerRow: r, columns, amountUnit, unknown, missing };
    }
  }
  return null;
}
