/**
 * The in-app inbox (issue 7): the notifications delivered to the caller's audiences — each of their roles
 * at their home unit — newest first, each with whether this user has read it. Reading is per user: a
 * small record per user and notification, written once (a second read changes nothing).
 */

import { type InboxItem, type InboxQuery, inboxItemSchema, inboxQuerySchema } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../app/deps.js';
import { notFound } from '../app/edge-error.js';
import type { Principal } from '../auth/principal.js';
import { keys, partitions } from '../store/keys.js';
import { readPartition } from '../store/table-ops.js';
import { Tx, TxCancelled } from '../store/tx.js';
import type { Notification } from './notification.js';

export { type InboxItem, type InboxQuery, inboxItemSchema, inboxQuerySchema };

const readId = (userId: string, notificationId: string) => `${userId}~${notificationId}`;

async function audienceItems(deps: Deps, p: Principal, limit: number): Promise<Notification[]> {
  const byId = new Map<string, Notification>();
  for (const role of new Set(p.roles)) {
    const items = await readPartition(deps, partitions.inbox(role, p.unitId), { descending: true, limit });
    for (const i of items) {
      const n = i.notification as Notification;
      byId.set(n.id, n);
    }
  }
  return [...byId.values()]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, limit);
}

/** The caller's newest notifications (up to `limit`), read or not, and how many of them are unread. */
export async function listInbox(deps: Deps, p: Principal, q: InboxQuery) {
  const items = await audienceItems(deps, p, q.limit);
  // Read consistently: a notification just marked read shows as read.
  const read = await deps.store.itemsByKey(items.map((n) => keys.record('inboxread', readId(p.id, n.id))));
  const isRead = (n: Notification) => read.has(keys.recordKey('inboxread', readId(p.id, n.id)));
  const all: InboxItem[] = items.map((n) => ({ ...n, read: isRead(n) }));
  const unread = all.filter((n) => !n.read).length;
  const shown =
    q.unread === 'true' ? all.filter((n) => !n.read) : q.unread === 'false' ? all.filter((n) => n.read) : all;
  return { items: shown, unread };
}

/** Marks one of the caller's notifications read (404 when it is not in their inbox). */
export async function markRead(deps: Deps, p: Principal, notificationId: string): Promise<InboxItem> {
  let found: Notification | null = null;
  for (const role of new Set(p.roles)) {
    const item = await deps.store.item(keys.inboxEntry(notificationId, role, p.unitId));
    if (item) {
      found = item.notification as Notification;
      break;
    }
  }
  if (!found) throw notFound('notification');
  const id = readId(p.id, notificationId);
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'inboxread',
    id,
    before: null,
    data: { userId: p.id, notificationId },
    index: {},
    actor: { id: p.id, role: p.roles[0] ?? 'viewer' },
    at: await nowIso(deps),
    action: 'inbox.read',
  });
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    if (!(e instanceof TxCancelled)) throw e; // read before: nothing changes
  }
  return { ...found, read: true };
}
