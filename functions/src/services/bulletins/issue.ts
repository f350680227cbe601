/**
 * Issued bulletins (通报印发): a supervisor — or the monthly job on the scheme's day — freezes the
 * bulletin of an ended month for a scope unit as a record (one per month and unit: the record's id is
 * the pair, put only if new), with the SHA-256 of its canonical content. Opening an issued bulletin
 * records who read it and when (已读), once per user, as a record of its own; the receipts are listed
 * to the issuer (to the scope's supervisors when the job issued it).
 */
import {
  canonicalJson,
  DomainError,
  endOfLocalDay,
  formatInstant,
  lastDayOf,
  sha256Hex,
} from '@jiandu/shared';
import type {
  BulletinRead,
  BulletinReads,
  IssuedBulletin,
  IssuedListItem,
  IssuedListQuery,
  OpenedBulletin,
  Page,
} from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { assertCan, holds, type Principal } from '../../auth/principal.js';
import { keys, partitions } from '../../store/keys.js';
import { type Actor, type RecordIndex, type StoredRecord, SYSTEM_ACTOR } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { listScope, readVisible, writableUnitPath } from '../org/jurisdiction.js';
import { pagingOf } from '../records/lists.js';
import { bulletinFor, computeBulletin } from './bulletins.js';

const bulletinIndex = (b: IssuedBulletin, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: b.month,
  unit: { unitId: b.unitId, sort: b.month },
  extra: { month: b.month },
});

/** Who issues: a supervisor through the API, or the system (the monthly job). */
export type Issuer = { kind: 'person'; principal: Principal } | { kind: 'system' };

/**
 * Issues the bulletin of `month` for `unitId`. Refuses a month that has not ended (its figures are not
 * final); answers 409 `conflict.duplicate` with the issued one when the pair was issued already.
 */
export async function issueBulletin(
  deps: Deps,
  issuer: Issuer,
  month: string,
  unitId: string,
  unitPath: string,
  nowMs: number = deps.clock(),
): Promise<IssuedBulletin> {
  const scheme = await deps.scheme();
  if (nowMs < endOfLocalDay(lastDayOf(month), scheme.timeZone))
    throw new DomainError('bulletin.monthNotEnded', `${month} has not ended`, { field: 'month' });
  const id = keys.bulletinId(month, unitId);
  const existing = await deps.store.get<IssuedBulletin>('bulletin', id);
  if (existing) throw alreadyIssued(existing.data);
  const content = await computeBulletin(deps, unitId, unitPath, month, nowMs);
  const at = formatInstant(nowMs, scheme.timeZone);
  const actor: Actor =
    issuer.kind === 'system' ? SYSTEM_ACTOR : { id: issuer.principal.id, role: 'supervisor' };
  const bulletin: IssuedBulletin = {
    id,
    month,
    unitId,
    unitName: content.unitName,
    issuedAt: at,
    issuedBy:
      issuer.kind === 'system'
        ? { id: SYSTEM_ACTOR.id, name: 'system', role: 'system' }
        : { id: issuer.principal.id, name: issuer.principal.name, role: 'supervisor' },
    contentHash: sha256Hex(canonicalJson(content)),
    content,
  };
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'bulletin',
    id,
    before: null,
    data: bulletin,
    index: bulletinIndex(bulletin, unitPath),
    actor,
    at,
    action: 'bulletin.issue',
  });
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    if (e instanceof TxCancelled) {
      const now = await deps.store.get<IssuedBulletin>('bulletin', id);
      if (now) throw alreadyIssued(now.data);
    }
    throw e;
  }
  return bulletin;
}

const summaryOf = (b: IssuedBulletin) => ({
  id: b.id,
  month: b.month,
  unitId: b.unitId,
  unitName: b.unitName,
  issuedAt: b.issuedAt,
  issuedBy: b.issuedBy,
  contentHash: b.contentHash,
});

const alreadyIssued = (b: IssuedBulletin) =>
  new EdgeError('conflict.duplicate', `the bulletin of ${b.month} for ${b.unitId} was issued already`, {
    field: 'month',
    extra: { current: summaryOf(b) },
  });

/** A supervisor issues the bulletin of an ended month for a unit of their jurisdiction. */
export async function issueBulletinAs(
  deps: Deps,
  p: Principal,
  month: string,
  unitId: string | undefined,
): Promise<IssuedBulletin> {
  assertCan(p, 'bulletin.issue');
  const scope = unitId ?? p.unitId;
  const unitPath = await writableUnitPath(deps, p, scope);
  const b = await issueBulletin(deps, { kind: 'person', principal: p }, month, scope, unitPath);
  return { ...b, content: bulletinFor(p, b.content) };
}

/** Issued bulletins in the caller's jurisdiction (or a unit's subtree), newest month first, with read state. */
export async function listIssued(
  deps: Deps,
  p: Principal,
  q: IssuedListQuery,
): Promise<Page<IssuedListItem>> {
  const page = await deps.store.list<IssuedBulletin>('bulletin', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    limit: q.limit,
    ...pagingOf(p, q),
    ...(q.month ? { from: q.month, to: q.month } : {}),
  });
  const receipts = await deps.store.getMany<BulletinRead>(
    'bulletin_read',
    page.items.map((s) => keys.bulletinReadId(s.id, p.id)),
  );
  return {
    items: page.items.map((s) => ({
      ...summaryOf(s.data),
      readAt: receipts.get(keys.bulletinReadId(s.id, p.id))?.data.readAt ?? null,
    })),
    cursor: page.cursor,
  };
}

/** Records the caller's read receipt unless there is one; returns the receipt (first or earlier). */
async function recordRead(deps: Deps, p: Principal, b: StoredRecord<IssuedBulletin>): Promise<BulletinRead> {
  const id = keys.bulletinReadId(b.id, p.id);
  const earlier = await deps.store.get<BulletinRead>('bulletin_read', id);
  if (earlier) return earlier.data;
  const readAt = await nowIso(deps);
  const receipt: BulletinRead = {
    id,
    bulletinId: b.id,
    userId: p.id,
    name: p.name,
    roles: [...p.roles],
    unitId: p.unitId,
    readAt,
  };
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'bulletin_read',
    id,
    before: null,
    data: receipt,
    index: { unitPath: b.unitPath, extra: keys.bulletinReadsOf(b.id, readAt, p.id) },
    actor: { id: p.id, role: p.roles[0] ?? 'viewer' },
    at: readAt,
    action: 'bulletin.read',
  });
  try {
    await tx.commit(deps.doc);
    return receipt;
  } catch (e) {
    // The same user opening it twice at once: the other request recorded the read.
    const now = e instanceof TxCancelled ? await deps.store.get<BulletinRead>('bulletin_read', id) : null;
    if (now) return now.data;
    throw e;
  }
}

/** Opens an issued bulletin (404 outside your jurisdiction) and records that you read it. */
export async function openIssued(deps: Deps, p: Principal, id: string): Promise<OpenedBulletin> {
  const b = await readVisible<IssuedBulletin>(deps, p, 'bulletin', id);
  const receipt = await recordRead(deps, p, b);
  return { ...b.data, content: bulletinFor(p, b.data.content), readAt: receipt.readAt };
}

/**
 * Who has read an issued bulletin, first reader first: for its issuer, or — when the job issued it —
 * for the supervisors whose jurisdiction holds it.
 */
export async function readsOf(deps: Deps, p: Principal, id: string): Promise<BulletinReads> {
  const b = await readVisible<IssuedBulletin>(deps, p, 'bulletin', id);
  const issuer = b.data.issuedBy.id;
  const allowed = issuer === p.id || (issuer === SYSTEM_ACTOR.id && holds(p, 'bulletin.issue'));
  if (!allowed) throw new EdgeError('auth.forbidden', 'the read receipts are shown to the issuer');
  const reads = (await deps.store.queryIndex<BulletinRead>(partitions.bulletinReads(id)))
    .map((s) => s.data)
    .sort((a, c) => (a.readAt < c.readAt ? -1 : a.readAt > c.readAt ? 1 : a.userId < c.userId ? -1 : 1));
  return { bulletinId: id, issuedBy: b.data.issuedBy, reads, count: reads.length };
}
