/**
 * Every list as an xlsx (DESIGN §7): the same list services as the JSON lists — so the same filters,
 * the caller's jurisdiction and the same masking of petitioner identity — read page by page, each record
 * one row, codes shown with their Chinese labels and units by name.
 */

import {
  type AccountabilityCase,
  type Alert,
  accountabilityForm,
  alertSeverity,
  alertState,
  type Capability,
  caseState,
  type Finding,
  findingSeverity,
  findingSource,
  formatFen,
  govLevel,
  LIGHT_LABELS,
  type Light,
  leadersInPost,
  localDateOf,
  petitionChannel,
  petitionState,
  polarity,
  problemCategory,
  type Rectification,
  rectificationSourceKind,
  rectificationState,
  type Signal,
  satisfaction,
  signalSeverity,
} from '@jiandu/shared';
import { type CaseView, caseListQuerySchema, listQuerySchema } from '@jiandu/shared/api';
import { CASE_TRIGGER_LABELS, POST_KIND_LABELS } from '@jiandu/shared/labels';
import * as z from '@jiandu/shared/zod';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { alertListSchema, listAlerts } from '../services/alerts/alerts.js';
import { listCases } from '../services/cases/cases.js';
import { namesOf } from '../services/org/names.js';
import { tenuresOf } from '../services/org/org.js';
import { listPetitions, petitionListQuerySchema } from '../services/petitions/petitions.js';
import type { PetitionView } from '../services/petitions/records.js';
import { listRecords } from '../services/records/lists.js';
import { listRectifications, rectificationListQuerySchema } from '../services/rectifications/list.js';
import { listSignals, signalListQuerySchema } from '../services/signals/signals.js';
import { dateCell, instantCell } from './cells.js';
import type { Column } from './xlsx-stream.js';

/** Rows read a page at a time (the list services allow up to 500). */
export const EXPORT_PAGE = 500;

type Labels = { labels: Record<string, { zh: string }> };
/** A code's Chinese label (the code itself where the set has none). */
export const zh = (e: Labels, code: string | null | undefined): string | null =>
  code == null ? null : (e.labels[code]?.zh ?? code);

/** Unit names of the caller's world (the tree is cached). */
export type UnitNames = (id: string | null | undefined) => string | null;

/** What every sheet's cells read besides their row: unit names and the scheme's time zone. */
export interface SheetContext {
  unit: UnitNames;
  timeZone: string;
}

type Page<T> = { items: readonly T[]; cursor: string | null };

export interface ListExport<S extends z.ZodMiniObject, T> {
  /** The path segment: GET /api/v1/exports/{name}.xlsx */
  name: string;
  /** An export is a read of its list: whoever may read the list may export it. */
  access: Capability;
  /** The sheet's (and the file's) name. */
  title: string;
  /** The list's filters (its query without limit and cursor). */
  query: S;
  page: (deps: Deps, p: Principal, q: z.output<S>, cursor: string | undefined) => Promise<Page<T>>;
  columns: (ctx: SheetContext) => Column<T>[];
}

const withoutPaging = <S extends z.ZodMiniObject>(s: S) =>
  z.omit(s, { limit: true, cursor: true } as never) as unknown as S;
const paged = <Q>(q: Q, cursor: string | undefined) => ({
  ...q,
  limit: EXPORT_PAGE,
  ...(cursor ? { cursor } : {}),
});
/** 预警: an open record's light now, by its name; empty when not open. */
const lightCell = (l: Light | null | undefined) => (l == null ? null : LIGHT_LABELS[l].zh);
const yesNo = (b: boolean | null | undefined) => (b == null ? null : b ? '是' : '否');
const money = (fen: number | null | undefined) => (fen == null ? null : Number(formatFen(fen)));

const findings: ListExport<typeof listQuerySchema, Finding> = {
  name: 'findings',
  access: 'finding.read',
  title: '督查发现问题',
  query: withoutPaging(listQuerySchema),
  page: (deps, p, q, cursor) => listRecords<Finding>(deps, p, 'finding', paged(q, cursor)),
  columns: ({ unit }) => [
    { header: '编号', value: (f) => f.id, width: 28 },
    { header: '发现日期', value: (f) => dateCell(f.discoveredOn), width: 12, format: 'date' },
    { header: '责任单位', value: (f) => unit(f.unitId), width: 18 },
    { header: '问题来源', value: (f) => zh(findingSource, f.source) },
    { header: '问题类别', value: (f) => zh(problemCategory, f.category) },
    { header: '严重程度', value: (f) => zh(findingSeverity, f.severity), width: 10 },
    { header: '问题描述', value: (f) => f.description, width: 60 },
    { header: '涉及金额(万元)', value: (f) => money(f.amountFen) },
    { header: '整改时限', value: (f) => dateCell(f.deadline), width: 12, format: 'date' },
    { header: '整改编号', value: (f) => f.rectificationId, width: 28 },
  ],
};

type RectRow = Rectification & {
  daysOverdue: number | null;
  light: Light | null;
  responsible?: string | null;
};
const lastNote = (notes: readonly { text: string }[]) => notes.at(-1)?.text ?? null;

/**
 * 责任人 of each row: the person the ledger named (responsiblePerson), else — a choice, the issue names
 * no post — whoever holds the unit's 主要负责人 (principal) post today, several joined by 、. The
 * tenures are read once per unit of the page, the names in one read.
 */
async function withResponsible(deps: Deps, page: Page<RectRow>): Promise<Page<RectRow>> {
  const wanted = [...new Set(page.items.filter((r) => !r.responsiblePerson).map((r) => r.unitId))];
  if (wanted.length === 0) return page;
  const today = localDateOf(deps.clock(), (await deps.scheme()).timeZone);
  const holders = new Map<string, string[]>();
  for (const unitId of wanted) {
    const leaders = leadersInPost(unitId, await tenuresOf(deps, unitId), { from: today, to: today });
    holders.set(
      unitId,
      leaders.filter((l) => l.post === 'principal').map((l) => l.personId),
    );
  }
  const names = await namesOf(deps, 'person', [...holders.values()].flat());
  const responsibleOf = (unitId: string) => {
    const named = (holders.get(unitId) ?? []).map((id) => names.get(id)).filter(Boolean);
    return named.length > 0 ? named.join('、') : null;
  };
  return {
    cursor: page.cursor,
    items: page.items.map((r) => ({ ...r, responsible: r.responsiblePerson ?? responsibleOf(r.unitId) })),
  };
}

const rectifications: ListExport<typeof rectificationListQuerySchema, RectRow> = {
  name: 'rectifications',
  access: 'rectification.read',
  title: '整改台账',
  query: withoutPaging(rectificationListQuerySchema),
  page: async (deps, p, q, cursor) =>
    withResponsible(deps, (await listRectifications(deps, p, paged(q, cursor))) as Page<RectRow>),
  // 序号 first, as every ledger (台账) numbers its rows. 记录编号 and 版本 come last (out of the way of the
  // reader): edited offline and imported back (sheets/ledger-updates.ts), a row updates its record by id,
  // and a record changed meanwhile is a conflict.
  columns: ({ unit, timeZone }) => [
    { header: '序号', value: (_, n) => n, width: 6 },
    { header: '问题来源', value: (r) => zh(rectificationSourceKind, r.source.kind) },
    { header: '问题描述', value: (r) => r.title, width: 60 },
    { header: '责任单位', value: (r) => unit(r.unitId), width: 18 },
    { header: '责任人', value: (r) => r.responsible ?? r.responsiblePerson ?? null },
    { header: '整改措施', value: (r) => lastNote(r.measures), width: 40 },
    { header: '整改时限', value: (r) => dateCell(r.deadline), width: 12, format: 'date' },
    { header: '整改进展', value: (r) => lastNote(r.progress), width: 40 },
    { header: '整改状态', value: (r) => zh(rectificationState, r.state), width: 10 },
    { header: '逾期天数', value: (r) => r.daysOverdue ?? null, width: 10 },
    { header: '预警', value: (r) => lightCell(r.light), width: 8 },
    { header: '涉及金额(万元)', value: (r) => money(r.amountFen) },
    { header: '销号时间', value: (r) => instantCell(r.closedAt, timeZone), width: 18, format: 'datetime' },
    { header: '记录编号', value: (r) => r.id, width: 28 },
    { header: '版本', value: (r) => r.version, width: 6 },
  ],
};

const petitions: ListExport<typeof petitionListQuerySchema, PetitionView> = {
  name: 'petitions',
  access: 'petition.read',
  title: '信访件',
  query: withoutPaging(petitionListQuerySchema),
  page: (deps, p, q, cursor) => listPetitions(deps, p, paged(q, cursor)),
  columns: ({ unit, timeZone }) => [
    { header: '编号', value: (x) => x.id, width: 28 },
    { header: '收到时间', value: (x) => instantCell(x.receivedAt, timeZone), width: 18, format: 'datetime' },
    // Identity as every response shows it: masked (DESIGN §6); a reveal is a logged, separate act.
    { header: '信访人(脱敏)', value: (x) => x.petitioner.name },
    { header: '联系电话(脱敏)', value: (x) => x.petitioner.phone ?? null },
    { header: '信访渠道', value: (x) => zh(petitionChannel, x.channel) },
    { header: '受理层级', value: (x) => zh(govLevel, x.levelReceived) },
    { header: '责任单位', value: (x) => unit(x.unitId), width: 18 },
    { header: '问题类别', value: (x) => zh(problemCategory, x.category) },
    { header: '信访事项', value: (x) => x.matter, width: 60 },
    { header: '状态', value: (x) => zh(petitionState, x.state), width: 10 },
    { header: '重复信访', value: (x) => yesNo(x.repeatOf !== null), width: 10 },
    { header: '越级信访', value: (x) => yesNo(x.escalated), width: 10 },
    { header: '受理期限', value: (x) => dateCell(x.acceptDue), width: 12, format: 'date' },
    { header: '办理期限', value: (x) => dateCell(x.handleDue), width: 12, format: 'date' },
    { header: '预警', value: (x) => lightCell(x.light), width: 8 },
    { header: '满意度', value: (x) => zh(satisfaction, x.satisfaction) },
  ],
};

const signals: ListExport<typeof signalListQuerySchema, Signal & Record<string, unknown>> = {
  name: 'signals',
  access: 'signal.read',
  title: '舆情',
  query: withoutPaging(signalListQuerySchema),
  page: (deps, p, q, cursor) =>
    listSignals(deps, p, paged(q, cursor)) as Promise<Page<Signal & Record<string, unknown>>>,
  columns: ({ unit, timeZone }) => [
    { header: '编号', value: (s) => s.id, width: 28 },
    { header: '发布时间', value: (s) => instantCell(s.publishedAt, timeZone), width: 18, format: 'datetime' },
    { header: '平台', value: (s) => s.platform },
    { header: '标题', value: (s) => s.title, width: 50 },
    { header: '链接', value: (s) => s.url, width: 40 },
    { header: '倾向', value: (s) => zh(polarity, s.polarity), width: 10 },
    { header: '等级', value: (s) => zh(signalSeverity, s.severity), width: 10 },
    { header: '涉及单位', value: (s) => unit(s.unitId), width: 18 },
    { header: '阅读', value: (s) => s.reach.reads, width: 10 },
    { header: '转发', value: (s) => s.reach.reposts, width: 10 },
    { header: '评论', value: (s) => s.reach.comments, width: 10 },
    { header: '重复转载', value: (s) => s.repostCount, width: 10 },
  ],
};

/** A case's trigger as a sentence: its kind in Chinese with what makes it this case. */
export function triggerText(t: AccountabilityCase['trigger']): string {
  const label = CASE_TRIGGER_LABELS[t.kind].zh;
  switch (t.kind) {
    case 'rectification_overdue':
      return `${label} ${t.daysOverdue} 天`;
    case 'consecutive_cards':
      return `${label}（${t.quarters.join('、')}）`;
    case 'petition_sla_missed':
      return `${label}（${t.missed === 'accept' ? '受理' : '办理'}超期）`;
  }
}

/** 问责对象 by name and post: 张三（主要负责人）、李四（分管负责人）. */
const subjectsText = (c: CaseView) =>
  c.subjects.map((s) => `${s.personName ?? s.personId}（${POST_KIND_LABELS[s.post].zh}）`).join('、') || null;

const cases: ListExport<typeof caseListQuerySchema, CaseView & { light: Light | null }> = {
  name: 'cases',
  access: 'case.read',
  title: '问责',
  query: withoutPaging(caseListQuerySchema),
  page: (deps, p, q, cursor) => listCases(deps, p, paged(q, cursor)),
  columns: ({ unit, timeZone }) => [
    { header: '编号', value: (c) => c.id, width: 28 },
    { header: '提出时间', value: (c) => instantCell(c.proposedAt, timeZone), width: 18, format: 'datetime' },
    { header: '触发', value: (c) => triggerText(c.trigger), width: 30 },
    { header: '单位', value: (c) => unit(c.trigger.unitId), width: 18 },
    { header: '问责对象', value: subjectsText, width: 36 },
    { header: '问责对象人数', value: (c) => c.subjects.length, width: 12 },
    { header: '状态', value: (c) => zh(caseState, c.state), width: 10 },
    { header: '预警', value: (c) => lightCell(c.light), width: 8 },
    { header: '问责方式', value: (c) => zh(accountabilityForm, c.form) },
    { header: '决定说明', value: (c) => c.decisionNote, width: 40 },
    { header: '不予问责理由', value: (c) => c.dismissReason, width: 40 },
  ],
};

/** An alert's rule as a person calls it (the key stays in the API): 整改逾期预警, 信访受理超期 … */
export function alertRuleText(rule: string): string {
  const named: Record<string, string> = {
    'petition.acceptOverdue': '信访受理超期',
    'petition.handleOverdue': '信访办理超期',
    'petition.extensionOverdue': '信访延期后仍超期',
    'signal.firstResponseMissed': '重大舆情首次响应超时',
    'funds.idle': '资金趴账',
    'rectification.overdue.alert': '整改逾期预警',
    'rectification.overdue.escalate': '整改逾期升级预警',
  };
  // A ladder step of the scheme's own (rectification.overdue.<step id>): still a rectification alert.
  if (named[rule]) return named[rule];
  if (rule.startsWith('rectification.overdue.')) return '整改时限预警';
  // A step of the scheme's petition ladder (petition.ladder.<step id>), 梯度督办.
  return rule.startsWith('petition.ladder.') ? '信访梯度督办' : rule;
}

const alerts: ListExport<typeof alertListSchema, Alert> = {
  name: 'alerts',
  access: 'alert.read',
  title: '预警',
  query: withoutPaging(alertListSchema),
  page: (deps, p, q, cursor) => listAlerts(deps, p, paged(q, cursor)) as Promise<Page<Alert>>,
  columns: ({ unit, timeZone }) => [
    { header: '编号', value: (a) => a.id, width: 28 },
    { header: '预警时间', value: (a) => instantCell(a.raisedAt, timeZone), width: 18, format: 'datetime' },
    { header: '规则', value: (a) => alertRuleText(a.rule), width: 20 },
    { header: '单位', value: (a) => unit(a.unitId), width: 18 },
    { header: '通知单位', value: (a) => unit(a.notifyUnitId), width: 18 },
    { header: '级别', value: (a) => zh(alertSeverity, a.severity), width: 10 },
    { header: '状态', value: (a) => zh(alertState, a.state), width: 10 },
    { header: '内容', value: (a) => a.message, width: 60 },
  ],
};

// biome-ignore lint/suspicious/noExplicitAny: a table of differently typed exports
export const LIST_EXPORTS: readonly ListExport<any, any>[] = [
  findings,
  rectifications,
  petitions,
  signals,
  cases,
  alerts,
];
