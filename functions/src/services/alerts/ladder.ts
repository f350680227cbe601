/**
 * 梯度督办 (issue 16): what makes an escalation step land on people. A step is reached on a day; it lands
 * on whoever holds the target unit's principal and deputy-in-charge posts that day (the core's `landing`,
 * over the unit's tenures), by name. The alert the step raises carries that landing; its notifications go
 * to the supervisors (as every alert's) and to the unit's own people naming the post holders
 * (`ladder.step`); a post nobody held that day is reported to the unit above as an alert notification of
 * its own — never skipped silently. All of it in the step's one transaction, with an event in the
 * matter's chain, so the step happens once and whole.
 */
import {
  type Alert,
  type AlertLanding,
  type EscalationStep,
  type LocalDate,
  landing,
  type Unit,
  type UnitTree,
} from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';
import {
  addToOutbox,
  type Notification,
  notificationId,
  postHoldersText,
  vacantPostsText,
} from '../../outbox/notification.js';
import type { RecordType } from '../../store/keys.js';
import { RecordStore, SYSTEM_ACTOR } from '../../store/record-store.js';
import { type Tx, TxCancelled } from '../../store/tx.js';
import { namesOf } from '../org/names.js';
import { tenuresOf } from '../org/org.js';
import { appendToChain } from '../records/chain.js';

/** Who a step reached on `day` lands on, with the post holders' names. */
export async function landOn(
  deps: Deps,
  tree: UnitTree<Unit>,
  action: EscalationStep['action'],
  stepId: string,
  unitId: string,
  day: LocalDate,
): Promise<AlertLanding> {
  const parentOf = (u: string) => (tree.has(u) ? (tree.parent(u)?.id ?? null) : null);
  const target = action === 'alert_parent' ? (parentOf(unitId) ?? unitId) : unitId;
  const land = landing({ action }, unitId, day, await tenuresOf(deps, target), parentOf);
  const names = await namesOf(
    deps,
    'person',
    land.people.map((p) => p.personId),
  );
  return {
    unitId: land.unitId,
    day,
    step: stepId,
    recipients: land.people.map((p) => ({ ...p, name: names.get(p.personId) ?? null })),
    vacant: land.vacant.map((post) => ({ post, reportTo: land.reportTo })),
  };
}

/**
 * The notifications of an escalation step's alert beyond the alert's own: to the unit it landed on,
 * naming its post holders, and — when a post was vacant — to the unit above, saying so.
 */
export function landingNotifications(a: Alert, l: AlertLanding, tree: UnitTree<Unit>): Notification[] {
  const unitName = tree.has(l.unitId) ? tree.get(l.unitId).name : '';
  const out: Notification[] = [
    {
      id: notificationId('ladder.step', a.id),
      kind: 'ladder.step',
      subject: { type: 'alert', id: a.id },
      unitId: l.unitId,
      severity: a.severity,
      title: `【梯度督办】${a.message}`.slice(0, 120),
      text: [
        `致：${postHoldersText(l.recipients)}`,
        vacantPostsText(l.vacant) ? `${vacantPostsText(l.vacant)}，已报上级` : '',
      ]
        .filter(Boolean)
        .join('；'),
      at: a.raisedAt,
    },
  ];
  const reportTo = l.vacant[0]?.reportTo;
  if (reportTo)
    out.push({
      id: `${notificationId('alert.raised', a.id)}-vacant`,
      kind: 'alert.raised',
      subject: { type: 'alert', id: a.id },
      unitId: reportTo,
      severity: 'warning',
      title: `【岗位空缺】${unitName}${vacantPostsText(l.vacant)}，督办无人承接`.slice(0, 120),
      text: `${a.message}；${unitName}${vacantPostsText(l.vacant)}（${l.day}），请上级督办落实`,
      at: a.raisedAt,
    });
  return out;
}

/** Adds a step's landing notifications to its transaction. */
export function addLandingNotifications(tx: Tx, a: Alert, tree: UnitTree<Unit>, labelPrefix = ''): void {
  if (!a.landing) return;
  for (const n of landingNotifications(a, a.landing, tree)) addToOutbox(tx, n, labelPrefix);
}

/**
 * Commits a ladder step's transaction (its trigger, alert or case, notifications) with the step as an
 * event in the matter's own chain (`ladder.step`), all or nothing: `already` when the step's trigger was
 * raised before (it happens once), `deferred` when the matter changed meanwhile (the next run takes it).
 */
export async function commitLadderStep(
  deps: Pick<Deps, 'store' | 'doc'>,
  tx: Tx,
  matter: { type: RecordType; id: string },
  after: Record<string, unknown>,
  at: string,
): Promise<'raised' | 'already' | 'deferred'> {
  const item = await deps.store.getItem(matter.type, matter.id);
  if (item)
    appendToChain(tx, 'ladder:', item, RecordStore.fromItem(item), {
      actorId: SYSTEM_ACTOR.id,
      role: 'system',
      at,
      action: 'ladder.step',
      before: null,
      after,
      reason: null,
    });
  try {
    await tx.commit(deps.doc);
    return 'raised';
  } catch (e) {
    if (!(e instanceof TxCancelled)) throw e;
    const failed = e.failedLabels();
    if (failed.some((l) => l.startsWith('trigger:'))) return 'already';
    if (failed.some((l) => l.startsWith('ladder:'))) return 'deferred';
    throw e;
  }
}
