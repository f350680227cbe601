/**
 * The outbox (issue 7): a notification is put in the SAME transaction as the change that causes it (an
 * alert raised, a case proposed …), so it exists exactly when its cause does. Its id names the cause
 * (`alert.raised-<alert id>`), and it is put only if new: one cause, one notification. The dispatcher
 * turns it into deliveries (dispatcher.ts); who gets what is the subscriptions' business.
 */
import type { AccountabilityCase, Alert } from '@jiandu/shared';
import { keys } from '../store/keys.js';
import type { Tx } from '../store/tx.js';

export const NOTIFICATION_KINDS = [
  'alert.raised',
  'case.proposed',
  'rectification.assigned',
  'rectification.submitted',
  'rectification.rejected',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  /** The record the notification is about. */
  subject: { type: string; id: string };
  /** The unit whose people are concerned (an alert's notify unit, a case's unit …). */
  unitId: string;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  text: string;
  /** When the cause happened (ISO instant in the scheme's zone). */
  at: string;
}

/** Transaction items a notification adds to its cause's transaction. */
export const OUTBOX_TX_ITEMS = 1;

export const notificationId = (kind: NotificationKind, causeId: string): string =>
  `${kind.replace('.', '_')}-${causeId}`;

/** Adds the notification to `tx`, put only if new (a retried cause does not notify twice). */
export function addToOutbox(tx: Tx, n: Notification, labelPrefix = ''): void {
  tx.putNew(`${labelPrefix}outbox:${n.id}`, {
    ...keys.outbox(n.id),
    ...keys.outboxPending(n.at, n.id),
    notification: n,
  });
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const SEVERITY_ZH = { info: '提示', warning: '警告', critical: '严重' } as const;

export function alertNotification(a: Alert): Notification {
  return {
    id: notificationId('alert.raised', a.id),
    kind: 'alert.raised',
    subject: { type: 'alert', id: a.id },
    unitId: a.notifyUnitId,
    severity: a.severity,
    title: cut(`【预警·${SEVERITY_ZH[a.severity]}】${a.message}`, 120),
    text: a.message,
    at: a.raisedAt,
  };
}

const TRIGGER_ZH: Record<AccountabilityCase['trigger']['kind'], string> = {
  consecutive_cards: '连续两个季度预黄牌',
  petition_sla_missed: '信访办理超期致重复或越级信访',
  rectification_overdue: '整改逾期（慢作为）',
};

export function caseNotification(c: AccountabilityCase): Notification {
  const why = TRIGGER_ZH[c.trigger.kind];
  return {
    id: notificationId('case.proposed', c.id),
    kind: 'case.proposed',
    subject: { type: 'case', id: c.id },
    unitId: c.trigger.unitId,
    severity: 'critical',
    title: `【问责建议】${why}`,
    text: `系统依规则提出问责建议：${why}，涉及${c.subjects.length}名责任人，请审查。`,
    at: c.proposedAt,
  };
}
