/**
 * What an overdue rectification raises (DESIGN §4.4), as records: an alert (预警) for the day-1 and
 * day-15 levels, an accountability case (问责) proposed at day 30 for the unit's leaders (慢作为). The
 * core's `overdueActions` decides the levels and keys; this turns a draft into a stored record.
 */
import {
  type AccountabilityCase,
  type Alert,
  leadersInPost,
  type OverdueAlertDraft,
  type OverdueCaseDraft,
  type Rectification,
  type Tenure,
  type UnitTree,
} from '@jiandu/shared';
import { proposedCase } from '../cases/cases.js';

export function overdueAlert(
  draft: OverdueAlertDraft,
  rect: Pick<Rectification, 'title' | 'deadline'>,
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
    // A ladder step before the deadline (e.g. at 80 % of the time limit) reminds; after it, overdue days.
    message:
      draft.daysOverdue > 0
        ? `整改逾期${draft.daysOverdue}天：${title}`
        : `整改临近时限，请按期完成：${title}`,
    facts: {
      kind: draft.daysOverdue > 0 ? 'rectification.overdue' : 'rectification.near',
      days: draft.daysOverdue,
      due: rect.deadline,
      title,
    },
    raisedAt: meta.at,
    version: 1,
  };
}

/**
 * The case proposed for a rectification long overdue: its subjects are whoever held the unit's leader
 * posts while it was overdue, with their days in post inside that period, per quarter of it.
 */
export function overdueCase(
  draft: OverdueCaseDraft,
  tenures: readonly Tenure[],
  meta: { id: string; at: string; decideBy: string },
): AccountabilityCase {
  const { unitId, from, to } = draft.leadersOf;
  const subjects = leadersInPost(unitId, tenures, { from, to });
  return proposedCase(meta.id, draft.key, draft.trigger, subjects, meta.at, meta.decideBy);
}
