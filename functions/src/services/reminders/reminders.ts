/**
 * 督办单/催办 (issue 16): a supervisor reminds the people responsible for records in their jurisdiction.
 * Each target gets a reminder record of its own, written in ONE transaction with, per target, an event in
 * the target record's chain (`reminder.issue`) and an outbox notification, plus the request's
 * Idempotency-Key marker — so a retry answers the first result and nothing is written twice or half.
 *
 * Who it reaches: the holders of the responsible unit's principal and deputy-in-charge posts on the day
 * issued (the escalation module's `landing`, over the unit's tenures), by name; a post nobody held that
 * day is listed in `vacant` with the unit above (never silently skipped). The notification goes through
 * the outbox to the unit's inbox audiences and the channels its subscription rules name.
 */
import { landing, localDateOf } from '@jiandu/shared';
import type {
  Reminder,
  ReminderListQuery,
  ReminderTarget,
  ReminderTargetType,
  reminderInputSchema,
} from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import { type Deps, nowIso } from '../../app/deps.js';
import { notFound } from '../../app/edge-error.js';
import { actingRole, assertCan, type Principal } from '../../auth/principal.js';
import {
  addToOutbox,
  type Notification,
  notificationId,
  postHoldersText,
  vacantPostsText,
} from '../../outbox/notification.js';
import { partitions } from '../../store/keys.js';
import { type RecordIndex, RecordStore, type StoredRecord } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { isVisible, readVisible, scopeOf } from '../org/jurisdiction.js';
import { namesOf } from '../org/names.js';
import { tenuresOf } from '../org/org.js';
import { appendToChain } from '../records/chain.js';
import { versionConflict } from '../records/conflict.js';
import { type IdemRef, putIdemMarker, replay, type StoredResponse } from '../records/idempotency.js';

type ReminderInput = z.output<typeof reminderInputSchema>;

/** The target records' responsible unit (a case's: the unit its trigger names). */
function responsibleUnit(type: ReminderTargetType, data: Record<string, unknown>): string {
  if (type === 'case') return String((data.trigger as { unitId: string }).unitId);
  return String(data.unitId);
}

/** The capability reading a target's kind takes: a reminder on a petition is for petition readers only. */
const TARGET_READ = {
  rectification: 'rectification.read',
  petition: 'petition.read',
  case: 'case.read',
} as const;

/** gsi2 partition of the reminders on one record ("filter by record"), keyed by the record's key. */
const targetKey = (t: ReminderTarget) => `${t.type}~${t.id}`;

export const reminderIndex = (r: Reminder, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: r.issuedAt,
  state: { state: targetKey(r.target), sort: r.issuedAt },
  unit: { unitId: r.unitId, sort: r.issuedAt },
  extra: { targetType: r.target.type },
});

export function reminderNotification(r: Reminder): Notification {
  const to = postHoldersText(r.recipients);
  const vacant = vacantPostsText(r.vacant);
  const kind = { rectification: '整改', petition: '信访件', case: '问责案件' }[r.target.type];
  // Named as a person knows the record: its title, else its unit — never its id.
  const what = r.targetTitle ? `「${r.targetTitle}」` : r.unitName ? `（${r.unitName}）` : '';
  return {
    id: notificationId('reminder.issued', r.id),
    kind: 'reminder.issued',
    subject: { type: 'reminder', id: r.id },
    unitId: r.unitId,
    severity: 'warning',
    title: `【催办】请加快办理${kind}${what}`.slice(0, 120),
    text: [`致：${to}`, vacant ? `${vacant}，已报上级` : '', r.message ? `督办意见：${r.message}` : '']
      .filter(Boolean)
      .join('；'),
    at: r.issuedAt,
  };
}

export async function issueReminders(
  deps: Deps,
  p: Principal,
  input: ReminderInput,
  idem: IdemRef | null,
): Promise<StoredResponse<{ items: Reminder[] }>> {
  const first = await replay<{ items: Reminder[] }>(deps, idem);
  if (first) return first;
  const role = actingRole(p, 'reminder.issue');
  const scheme = await deps.scheme();
  const tree = await deps.units.tree();
  const at = await nowIso(deps);
  const day = localDateOf(deps.clock(), scheme.timeZone);
  const message = input.message?.trim() || null;
  // Every target is read and checked before anything is written: one outside the caller's jurisdiction
  // (or missing) answers 404 and nothing is stored for any of them.
  const seen = new Set<string>();
  const targets: {
    t: ReminderTarget;
    stored: StoredRecord<Record<string, unknown>>;
    item: Record<string, unknown>;
  }[] = [];
  for (const t of input.targets) {
    if (seen.has(targetKey(t))) continue; // the same record twice in one request: one reminder
    seen.add(targetKey(t));
    const stored = await readVisible<Record<string, unknown>>(deps, p, t.type, t.id);
    const item = (await deps.store.getItem(t.type, t.id))!;
    targets.push({ t, stored, item });
  }
  const people = await namesOf(deps, 'person', []); // filled per unit below
  const tx = new Tx(deps.tableName);
  const items: Reminder[] = [];
  for (const [i, { t, stored, item }] of targets.entries()) {
    const unitId = responsibleUnit(t.type, stored.data);
    const land = landing({ action: 'remind_leaders' }, unitId, day, await tenuresOf(deps, unitId), (u) =>
      tree.has(u) ? (tree.parent(u)?.id ?? null) : null,
    );
    const missing = land.people.map((x) => x.personId).filter((id) => !people.has(id));
    for (const [id, name] of await namesOf(deps, 'person', missing)) people.set(id, name);
    const title = t.type === 'rectification' ? stored.data.title : undefined;
    const r: Reminder = {
      id: deps.newId(),
      target: t,
      targetTitle: typeof title === 'string' ? title : null,
      unitId,
      unitName: tree.has(unitId) ? tree.get(unitId).name : null,
      message,
      issuedBy: { userId: p.id, name: p.name },
      issuedAt: at,
      day,
      recipients: land.people.map((x) => ({ ...x, name: people.get(x.personId) ?? null })),
      vacant: land.vacant.map((post) => ({ post, reportTo: land.reportTo })),
      reads: [],
      version: 1,
    };
    const prefix = `i${i}:`;
    deps.store.write(tx, {
      type: 'reminder',
      id: r.id,
      before: null,
      data: r,
      index: reminderIndex(r, stored.unitPath ?? ''),
      actor: { id: p.id, role: role },
      at,
      action: 'reminder.issue',
      reason: message,
      labelPrefix: prefix,
    });
    appendToChain(tx, `${prefix}target:`, item, stored, {
      actorId: p.id,
      role: role,
      at,
      action: 'reminder.issue',
      before: null,
      after: { reminderId: r.id, recipients: r.recipients, vacant: r.vacant, message },
      reason: message,
    });
    addToOutbox(tx, reminderNotification(r), prefix);
    items.push(r);
  }
  const response = { status: 201 as const, body: { items } };
  if (idem) putIdemMarker(tx, 'idem', idem, response, deps.clock());
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    const again = await replay<{ items: Reminder[] }>(deps, idem);
    if (again) return again;
    if (e instanceof TxCancelled && e.failedLabels().some((l) => l.includes('target:record:')))
      throw versionConflict(null, 'reminded record');
    throw e;
  }
  return response;
}

/** Whether the caller may see a reminder: in their jurisdiction and on a kind of record they may read. */
async function visible(deps: Deps, p: Principal, rec: StoredRecord<Reminder>): Promise<boolean> {
  try {
    assertCan(p, TARGET_READ[rec.data.target.type]);
  } catch {
    return false;
  }
  return isVisible(deps, p, rec.unitPath);
}

export async function getReminder(deps: Deps, p: Principal, id: string): Promise<Reminder> {
  const rec = await deps.store.get<Reminder>('reminder', id);
  if (!rec || !(await visible(deps, p, rec))) throw notFound('reminder');
  return rec.data;
}

/** Reminders in the caller's jurisdiction, newest first; on one record when `targetType` + `targetId`. */
export async function listReminders(deps: Deps, p: Principal, q: ReminderListQuery) {
  const prefix = await scopeOf(deps, p);
  const readable = (['rectification', 'petition', 'case'] as const).filter((t) => {
    try {
      assertCan(p, TARGET_READ[t]);
      return true;
    } catch {
      return false;
    }
  });
  const paging = { limit: q.limit, caller: p.id, ...(q.cursor ? { cursor: q.cursor } : {}) };
  if (q.targetId !== undefined) {
    const type = q.targetType ?? 'rectification';
    if (!readable.includes(type)) return { items: [], cursor: null };
    const page = await deps.store.pagePartition(
      partitions.byState('reminder', targetKey({ type, id: q.targetId })),
      { unitPathPrefix: prefix, ...paging },
    );
    return { items: page.items.map((i) => RecordStore.fromItem<Reminder>(i).data), cursor: page.cursor };
  }
  const types = q.targetType ? readable.filter((t) => t === q.targetType) : readable;
  if (types.length === 0) return { items: [], cursor: null };
  const page = await deps.store.list<Reminder>('reminder', {
    unitPathPrefix: prefix,
    filters: [
      {
        expr: `#tt IN (${types.map((_, i) => `:tt${i}`).join(', ')})`,
        names: { '#tt': 'targetType' },
        values: Object.fromEntries(types.map((t, i) => [`:tt${i}`, t])),
      },
    ],
    ...paging,
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}

/**
 * A recipient marks a reminder read — the first read per user is kept (who, when); a second changes
 * nothing. Chosen: the recipients are people (post holders), not accounts, so "a recipient" is a user of
 * the responsible unit (their home unit is the reminder's unit), the audience its notification reached;
 * anyone else gets 404, as a notification not in their inbox does. Opening the reminder's notification in
 * the inbox marks it read the same way (routes/inbox.ts).
 */
export async function markReminderRead(deps: Deps, p: Principal, id: string): Promise<Reminder> {
  actingRole(p, 'reminder.ack');
  for (let attempt = 0; ; attempt++) {
    const before = await deps.store.get<Reminder>('reminder', id);
    if (!before || before.data.unitId !== p.unitId || !(await visible(deps, p, before)))
      throw notFound('reminder');
    if (before.data.reads.some((r) => r.userId === p.id)) return before.data;
    const at = await nowIso(deps);
    const after: Reminder = {
      ...before.data,
      reads: [...before.data.reads, { userId: p.id, name: p.name, at }],
      version: before.version + 1,
    };
    const tx = new Tx(deps.tableName);
    deps.store.write(tx, {
      type: 'reminder',
      id,
      before,
      data: after,
      index: reminderIndex(after, before.unitPath ?? ''),
      actor: { id: p.id, role: actingRole(p, 'reminder.ack') },
      at,
      action: 'reminder.read',
    });
    try {
      await tx.commit(deps.doc);
      return after;
    } catch (e) {
      // Another reader's receipt landed first: read again and add this one (a few tries).
      if (!(e instanceof TxCancelled) || attempt >= 4) throw e;
    }
  }
}
