/**
 * 预警: alerts raised by the rules (overdue rectifications, major negative opinion, idle funds …), listed
 * open first; supervisors acknowledge and resolve them, each step a versioned write with its event.
 */

import { ALERT_STATE_ORDER, type Alert, type AlertAction, applyAlertAction } from '@jiandu/shared';
import {
  type AlertListQuery,
  type AlertStepRequest,
  alertListQuerySchema,
  alertStepRequestSchema,
} from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import { addToOutbox, alertNotification, OUTBOX_TX_ITEMS } from '../../outbox/notification.js';
import { keys } from '../../store/keys.js';
import { type Actor, type RecordIndex, SYSTEM_ACTOR } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { listScope, readVisible } from '../org/jurisdiction.js';
import { assertVersion, commitOrConflict } from '../records/conflict.js';
import { keywordOf, pagingOf } from '../records/lists.js';

/**
 * The index entries of an alert: the jurisdiction lists (open first, newest raised first within a state)
 * and by unit. Writers of alerts (the sweeps) use this, so the list below finds their alerts. No state
 * partition: nothing reads one, and it would take every alert the country raises (ACCESS-PATTERNS).
 */
export const alertIndex = (a: Alert, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: alertListSort(a.state, a.raisedAt),
  unit: { unitId: a.notifyUnitId, sort: a.raisedAt },
  extra: { state: a.state, severity: a.severity, rule: a.rule },
});

/** Transaction items a raised alert adds (record, event, trigger marker, its notification). */
export const ALERT_TX_ITEMS = 3 + OUTBOX_TX_ITEMS;

/** Adds a new alert to `tx` with its trigger marker (put only if absent: an alert key raises once). */
export function writeAlert(
  deps: Deps,
  tx: Tx,
  a: Alert,
  unitPath: string,
  actor: Actor,
  at: string,
  labelPrefix = '',
): void {
  deps.store.write(tx, {
    type: 'alert',
    id: a.id,
    before: null,
    data: a,
    index: alertIndex(a, unitPath),
    actor,
    at,
    action: 'alert.raise',
    labelPrefix,
  });
  tx.putNew(`${labelPrefix}trigger:${a.alertKey}`, { ...keys.trigger('alert', a.alertKey), alertId: a.id });
  addToOutbox(tx, alertNotification(a), labelPrefix);
}

/**
 * Raises one alert by the system in a transaction of its own: true when raised, false when its trigger
 * marker shows it was raised before (a second sweep, a concurrent one). Any other refusal is thrown.
 */
export async function raiseAlertOnce(deps: Deps, a: Alert, unitPath: string, at: string): Promise<boolean> {
  const tx = new Tx(deps.tableName);
  writeAlert(deps, tx, a, unitPath, SYSTEM_ACTOR, at);
  try {
    await tx.commit(deps.doc);
    return true;
  } catch (e) {
    if (e instanceof TxCancelled && e.failedLabels().includes(`trigger:${a.alertKey}`)) return false;
    throw e;
  }
}

export { alertListQuerySchema as alertListSchema };

/**
 * An alert's place in its jurisdiction lists: its state's rank (open highest, so open alerts come first
 * when the list is read newest first), then when it was raised.
 */
const stateRank = (state: Alert['state']) =>
  String(ALERT_STATE_ORDER.length - 1 - ALERT_STATE_ORDER.indexOf(state));
const alertListSort = (state: Alert['state'], raisedAt: string) => `${stateRank(state)}#${raisedAt}`;

/**
 * Alerts in the caller's jurisdiction: open first, then acknowledged, then resolved; newest first within
 * a state (the list sort value is the state's rank and the time raised); one state is a range of it.
 */
export async function listAlerts(deps: Deps, p: Principal, q: AlertListQuery) {
  const rank = q.state === undefined ? undefined : `${stateRank(q.state)}#`;
  const page = await deps.store.list<Alert>('alert', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    limit: q.limit,
    ...keywordOf(q),
    ...(rank === undefined ? {} : { from: rank, to: rank }),
    ...pagingOf(p, q),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}

export async function getAlert(deps: Deps, p: Principal, id: string): Promise<Alert> {
  return (await readVisible<Alert>(deps, p, 'alert', id)).data;
}

export { alertStepRequestSchema as alertActionBody };

export async function actOnAlert(
  deps: Deps,
  p: Principal,
  id: string,
  action: AlertAction,
  body: AlertStepRequest,
): Promise<Alert> {
  const before = await readVisible<Alert>(deps, p, 'alert', id);
  assertVersion(body.expectedVersion, before, () => before.data);
  const after = { ...applyAlertAction(before.data, action, p.roles), version: before.version + 1 };
  const tx = new Tx(deps.tableName);
  const { stored } = deps.store.write(tx, {
    type: 'alert',
    id,
    before,
    data: after,
    index: alertIndex(after, before.unitPath ?? ''),
    actor: { id: p.id, role: 'supervisor' },
    at: await nowIso(deps),
    action: `alert.${action}`,
    reason: body.note?.trim() || null,
  });
  await commitOrConflict(
    () => tx.commit(deps.doc),
    async () => (await deps.store.get<Alert>('alert', id))?.data ?? null,
  );
  return stored.data;
}
