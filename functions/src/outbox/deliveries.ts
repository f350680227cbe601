/**
 * Deliveries: one record per notification, channel and recipient, with its tries (attempt count, next
 * try, last error) and its state — pending → sending → sent, or back to pending after a failure, or dead
 * after the policy's last try. Every step is a RecordStore write conditioned on the version read, which
 * is the claim: of two dispatchers that read the same pending delivery, one moves it to `sending` and the
 * other's write fails, so it is sent once.
 */
import { createHash } from 'node:crypto';
import {
  deliveryStates as DELIVERY_STATES,
  type Delivery,
  type DeliveryState,
  deliverySchema,
} from '@jiandu/shared/api';
import type { Deps } from '../app/deps.js';
import { keys, partitions } from '../store/keys.js';
import { type RecordIndex, RecordStore, type StoredRecord } from '../store/record-store.js';
import { readPartition } from '../store/table-ops.js';
import type { Recipient } from './subscriptions.js';

export { DELIVERY_STATES, type Delivery, type DeliveryState, deliverySchema };

/** One id per notification, channel and recipient: creating it twice fails its condition. */
export const deliveryId = (notificationId: string, r: Recipient): string =>
  `d${createHash('sha256').update(`${notificationId}\n${r.channel}\n${r.to}`).digest('hex').slice(0, 40)}`;

export const deliveryIndex = (d: Delivery, unitPath: string | null): RecordIndex => ({
  unitPath,
  listSort: d.notification.at,
  state: { state: d.state, sort: keys.deliveryDue(d.dueMs) },
  extra: { channel: d.channel },
});

/** Deliveries of a state due by `nowMs` (all of them when `nowMs` is omitted), oldest due first. */
export async function deliveriesDue(
  deps: Deps,
  state: DeliveryState,
  nowMs: number | null,
  limit: number,
): Promise<StoredRecord<Delivery>[]> {
  const items = await readPartition(deps, partitions.byState('delivery', state), {
    ...(nowMs === null ? {} : { skUpTo: `${keys.deliveryDue(nowMs)}#\uffff` }),
    limit,
  });
  return items.map((item) => RecordStore.fromItem<Delivery>(item));
}
