/**
 * The outbox (issue 7): a notification is put in the SAME transaction as the change that causes it (an
 * alert raised, a case proposed …), so it exists exactly when its cause does. Its id names the cause
 * (`alert.raised-<alert id>`), and it is put only if new: one cause, one notification. The dispatcher
 * turns it into deliveries (dispatcher.ts); who gets what is the subscriptions' business.
 */
import type { AccountabilityCase, Alert, Rectification } from '@jiandu/shared';
import {
  notificationKinds as NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
} from '@jiandu/shared/api';
import { keys } from '../store/keys.js';
import type { Tx } from '../store/tx.js';

// A notification's shape is part of the API's contract (the inbox and the dead letters answer it).
export { NOTIFICATION_KINDS, type Notification, type NotificationKind };

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

const POST_ZH = { principal: '主要负责人', deputy_in_charge: '分管负责人' } as const;
type LeaderPostName = keyof typeof POST_ZH;

/** "张三（主要负责人）、李四（分管负责人）" — the post holders a reminder or a ladder step reaches. */
export function postHoldersText(people: readonly { name: string | null; post: LeaderPostName }[]): string {
  const to = people.map((p) => `${p.name ?? '（姓名未登记）'}（${POST_ZH[p.post]}）`).join('、');
  return to || '（无在任负责人）';
}

/** "分管负责人空缺" for each post nobody held, or ''. */
export const vacantPostsText = (vacant: readonly { post: LeaderPostName }[]): string =>
  vacant.map((v) => `${POST_ZH[v.post]}空缺`).join('、');

export function alertNotification(a: Alert): Notification {
  return {
    id: notificationId('alert.raised', a.id),
    kind: 'alert.raised',
    subject: { type: 'alert', id: a.id },
    unitId: a.notifyUnitId,
    severity: a.severity,
    title: cut(`【预警·${SEVERITY_ZH[a.severity]}】${a.message}`, 120),
    // An escalation step names whom it landed on (梯度督办).
    text: a.landing ? `${a.message}；致：${postHoldersText(a.landing.recipients)}` : a.message,
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

const RECT_STEP = {
  assigned: { kind: 'rectification.assigned', zh: '整改任务交办', severity: 'info' },
  submitted: { kind: 'rectification.submitted', zh: '整改已提交，待复核', severity: 'info' },
  rejected: { kind: 'rectification.rejected', zh: '整改复核未通过，已退回', severity: 'warning' },
} as const;

/**
 * A rectification step the people concerned should hear of: assigned (the unit's officers), submitted
 * (the reviewers), rejected (the officers again). `causeId` names the change (the record's id and its
 * version after the write), so each step notifies once.
 */
export function rectificationNotification(
  r: Pick<Rectification, 'id' | 'unitId' | 'title' | 'deadline'>,
  step: keyof typeof RECT_STEP,
  causeId: string,
  at: string,
  reason: string | null = null,
): Notification {
  const s = RECT_STEP[step];
  return {
    id: notificationId(s.kind, causeId),
    kind: s.kind,
    subject: { type: 'rectification', id: r.id },
    unitId: r.unitId,
    severity: s.severity,
    title: cut(`【${s.zh}】${r.title}`, 120),
    text: `${s.zh}：${r.title}（整改时限 ${r.deadline}）${reason ? `。原因：${reason}` : ''}`,
    at,
  };
}
