/**
 * What an overdue rectification raises (DESIGN §4.4), as records: an alert (预警) for the day-1 and
 * day-15 levels, an accountability case (问责) proposed at day 30 for the unit's leaders (慢作为). The
 * core's `overdueActions` decides the levels and keys; this turns a draft into a stored record.
 */
import {
  type AccountabilityCase,
  type Alert,
  addDays,
  type CaseSubject,
  type OverdueAlertDraft,
  type OverdueCaseDraft,
  quarterKey,
  quarterOfDate,
  quartersBetween,
  type Rectification,
  type Tenure,
  type UnitTree,
} from '@jiandu/shared';
import type { RecordIndex } from '../store/record-store.js';

export const alertIndex = (a: Alert, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: a.raisedAt,
  state: { state: a.state, sort: a.raisedAt },
  unit: { unitId: a.unitId, sort: a.raisedAt },
  extra: { state: a.state, severity: a.severity, rule: a.rule },
});

export const caseIndex = (c: AccountabilityCase, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: c.proposedAt,
  state: { state: c.state, sort: c.proposedAt },
  unit: { unitId: c.trigger.unitId, sort: c.proposedAt },
  extra: { state: c.state, triggerKind: c.trigger.kind },
});

export function overdueAlert(
  draft: OverdueAlertDraft,
  rect: Pick<Rectification, 'title'>,
  tree: UnitTree,
  meta: { id: string; at: string },
): Alert {
  const notifyUnitId =
    draft.notify === 'parentUnit' ? (tree.parent(draft.unitId)?.id ?? draft.unitId) : draft.unitId;
  const title = rect.title.length > 200 ? `${rect.title.slice(0, 200)}…` : rect.title;
  return {
    id: meta.id,
    rule: draft.rule,
    alertKey: draft.key,
    subject: draft.subject,
    unitId: draft.unitId,
    notifyUnitId,
    severity: draft.severity,
    state: 'open',
    message: `整改逾期${draft.daysOverdue}天：${title}`,
    raisedAt: meta.at,
    version: 1,
  };
}

/**
 * Subjects of an overdue case: whoever held the unit's `principal` or `deputy_in_charge` post on any day
 * of [from, to] (both inclusive), each with their days in post inside that period, per quarter of it.
 * As for consecutive cards (ranking/accountability.ts), tenures of one person and post add up and an
 * overlap counts each day once. Sorted by person, then post.
 */
export function overdueSubjects(
  tenures: readonly Tenure[],
  period: OverdueCaseDraft['leadersOf'],
): CaseSubject[] {
  const held = new Map<string, Tenure[]>();
  for (const t of tenures) {
    if (t.unitId !== period.unitId || (t.post !== 'principal' && t.post !== 'deputy_in_charge')) continue;
    const key = `${t.personId}\u0000${t.post}`;
    held.set(key, [...(held.get(key) ?? []), t]);
  }
  const quarters = quartersBetween(quarterOfDate(period.from), quarterOfDate(period.to)).map(quarterKey);
  const out: CaseSubject[] = [];
  for (const ts of held.values()) {
    const first = ts[0]!;
    const daysInPost: Record<string, number> = Object.fromEntries(quarters.map((q) => [q, 0]));
    let total = 0;
    for (let d = period.from; d <= period.to; d = addDays(d, 1)) {
      if (!ts.some((t) => t.from <= d && (t.to === null || d <= t.to))) continue;
      const q = quarterKey(quarterOfDate(d));
      daysInPost[q] = (daysInPost[q] ?? 0) + 1;
      total++;
    }
    if (total > 0) out.push({ personId: first.personId, unitId: first.unitId, post: first.post, daysInPost });
  }
  return out.sort((a, b) =>
    a.personId === b.personId ? (a.post < b.post ? -1 : 1) : a.personId < b.personId ? -1 : 1,
  );
}

export function overdueCase(
  draft: OverdueCaseDraft,
  tenures: readonly Tenure[],
  meta: { id: string; at: string },
): AccountabilityCase {
  return {
    id: meta.id,
    triggerKey: draft.key,
    trigger: draft.trigger,
    subjects: overdueSubjects(tenures, draft.leadersOf),
    state: 'proposed',
    form: null,
    decisionNote: null,
    dismissReason: null,
    proposedAt: meta.at,
    version: 1,
  };
}
