/**
 * The outbox dispatcher (issue 7; the `outbox-dispatch` job: every minute locally, its own Lambda in AWS).
 * 1. Expand: each pending notification becomes its deliveries (one per channel and recipient, by the
 *    subscriptions), created only if new — a crash half-way and a second run make the rest, not doubles —
 *    then leaves the pending index.
 * 2. Deliver: each delivery due is claimed (a versioned write to `sending` with a lease), sent through its
 *    channel, and recorded `sent`; a failure waits base × 2^(tries−1) (capped) for the next try and after
 *    the policy's last try the delivery is dead (a dead letter an admin can retry). A claim whose
 *    dispatcher died is taken over when its lease ends.
 */
import { formatInstant } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { keys, partitions } from '../store/keys.js';
import { type StoredRecord, SYSTEM_ACTOR } from '../store/record-store.js';
import { readPartition } from '../store/table-ops.js';
import { Tx, TxCancelled } from '../store/tx.js';
import { CHANNEL_IMPLS } from './channels.js';
import { type Delivery, deliveriesDue, deliveryId, deliveryIndex } from './deliveries.js';
import type { Notification } from './notification.js';
import {
  backoffMs,
  type NotificationSettings,
  type RetryPolicy,
  readSettings,
  recipientsOf,
} from './subscriptions.js';

/** How long a claimed delivery is left to its dispatcher before another may take it over. */
export const CLAIM_LEASE_MS = 5 * 60_000;

export interface DispatchCounts {
  expanded: number;
  deliveriesCreated: number;
  unconfigured: number;
  sent: number;
  failed: number;
  deadLettered: number;
  raced: number;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 1000);

async function pendingNotifications(deps: Deps, limit: number): Promise<Notification[]> {
  const items = await readPartition(deps, partitions.outboxPending, { limit });
  return items.map((i) => i.notification as Notification);
}

async function expand(
  deps: Deps,
  n: Notification,
  settings: NotificationSettings,
  nowMs: number,
  counts: DispatchCounts,
): Promise<void> {
  const tree = await deps.units.tree();
  const unitPath = (await deps.units.pathOf(n.unitId)) ?? null;
  const at = formatInstant(nowMs, (await deps.scheme()).timeZone);
  for (const r of recipientsOf(n, settings.rules, tree)) {
    if (!CHANNEL_IMPLS[r.channel].configured(deps)) {
      counts.unconfigured++;
      continue;
    }
    const d: Delivery = {
      id: deliveryId(n.id, r),
      notificationId: n.id,
      channel: r.channel,
      to: r.to,
      state: 'pending',
      attempts: 0,
      dueMs: nowMs,
      lastError: null,
      sentAt: null,
      notification: n,
    };
    const tx = new Tx(deps.tableName);
    deps.store.write(tx, {
      type: 'delivery',
      id: d.id,
      before: null,
      data: d,
      index: deliveryIndex(d, unitPath),
      actor: SYSTEM_ACTOR,
      at,
      action: 'delivery.create',
    });
    try {
      await tx.commit(deps.doc);
      counts.deliveriesCreated++;
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e; // made by an earlier or a concurrent run
    }
  }
  const done = new Tx(deps.tableName);
  done.unindex('outbox', keys.outbox(n.id), partitions.outboxPending.index, { expandedAt: at });
  try {
    await done.commit(deps.doc);
    counts.expanded++;
  } catch (e) {
    if (!(e instanceof TxCancelled)) throw e;
  }
}

/** A versioned step of a delivery; false when another dispatcher changed it first. */
async function step(
  deps: Deps,
  before: StoredRecord<Delivery>,
  data: Delivery,
  action: string,
  at: string,
  reason: string | null = null,
): Promise<StoredRecord<Delivery> | null> {
  const tx = new Tx(deps.tableName);
  const { stored } = deps.store.write(tx, {
    type: 'delivery',
    id: data.id,
    before,
    data,
    index: deliveryIndex(data, before.unitPath),
    actor: SYSTEM_ACTOR,
    at,
    action,
    reason,
  });
  try {
    await tx.commit(deps.doc);
    return stored;
  } catch (e) {
    if (e instanceof TxCancelled) return null;
    throw e;
  }
}

async function attempt(
  deps: Deps,
  listed: StoredRecord<Delivery>,
  nowMs: number,
  policy: RetryPolicy,
  counts: DispatchCounts,
): Promise<void> {
  // The index is eventually consistent: decide on the record itself.
  const cur = await deps.store.get<Delivery>('delivery', listed.id);
  if (!cur || !['pending', 'sending'].includes(cur.data.state) || cur.data.dueMs > nowMs) return;
  const tz = (await deps.scheme()).timeZone;
  const at = formatInstant(nowMs, tz);
  const tries = cur.data.attempts + 1;
  const claimed = await step(
    deps,
    cur,
    { ...cur.data, state: 'sending', attempts: tries, dueMs: nowMs + CLAIM_LEASE_MS },
    'delivery.claim',
    at,
  );
  if (!claimed) {
    counts.raced++;
    return;
  }
  try {
    await CHANNEL_IMPLS[cur.data.channel].deliver(deps, cur.data.notification, cur.data.to, nowMs);
  } catch (e) {
    const dead = tries >= policy.maxAttempts;
    const failedAt = formatInstant(deps.clock(), tz);
    await step(
      deps,
      claimed,
      {
        ...claimed.data,
        state: dead ? 'dead' : 'pending',
        dueMs: dead ? nowMs : nowMs + backoffMs(tries, policy),
        lastError: errorText(e),
      },
      dead ? 'delivery.deadLetter' : 'delivery.fail',
      failedAt,
      errorText(e),
    );
    if (dead) counts.deadLettered++;
    else counts.failed++;
    return;
  }
  const sentAt = formatInstant(deps.clock(), tz);
  await step(
    deps,
    claimed,
    { ...claimed.data, state: 'sent', sentAt, lastError: null },
    'delivery.send',
    sentAt,
  );
  counts.sent++;
}

/** One dispatch: expand pending notifications, then try every delivery due. */
export async function dispatchOutbox(
  deps: Deps,
  nowMs: number = deps.clock(),
  opts: { batch?: number } = {},
): Promise<DispatchCounts> {
  const batch = opts.batch ?? 200;
  const counts: DispatchCounts = {
    expanded: 0,
    deliveriesCreated: 0,
    unconfigured: 0,
    sent: 0,
    failed: 0,
    deadLettered: 0,
    raced: 0,
  };
  const { settings } = await readSettings(deps);
  for (const n of await pendingNotifications(deps, batch)) await expand(deps, n, settings, nowMs, counts);
  const due = [
    ...(await deliveriesDue(deps, 'pending', nowMs, batch)),
    ...(await deliveriesDue(deps, 'sending', nowMs, batch)),
  ];
  for (const d of due) await attempt(deps, d, nowMs, settings.retry, counts);
  return counts;
}
