/**
 * 预黄牌: cards issued from published snapshots. A card stays a record for good; when an amendment
 * supersedes the snapshot that issued it, the card is withdrawn (an event on the card, `withdrawn` set)
 * and the amendment issues its own cards — cards follow the snapshot in force.
 */
import type { Card } from '@jiandu/shared';
import type { CardListQuery, CardRecord } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import { partitions } from '../../store/keys.js';
import type { Actor, RecordIndex, StoredRecord } from '../../store/record-store.js';
import type { Tx } from '../../store/tx.js';
import { listScope } from '../org/jurisdiction.js';
import { equalsFilters, pageRange } from '../records/lists.js';

export type { CardRecord };

const cardIndex = (c: CardRecord, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: c.issuedAt,
  unit: { unitId: c.unitId, sort: c.quarter },
  extra: { state: c.withdrawn ? 'withdrawn' : 'issued', quarter: c.quarter, snapshotId: c.snapshotId },
});

/** Transaction items of one card write (record + event). */
export const CARD_TX_ITEMS = 2;

export function writeNewCard(
  deps: Deps,
  tx: Tx,
  card: Card,
  unitPath: string,
  actor: Actor,
  at: string,
): void {
  const data: CardRecord = { ...card, withdrawn: null };
  deps.store.write(tx, {
    type: 'card',
    id: card.id,
    before: null,
    data,
    index: cardIndex(data, unitPath),
    actor,
    at,
    action: 'card.issue',
  });
}

export function writeWithdrawal(
  deps: Deps,
  tx: Tx,
  before: StoredRecord<CardRecord>,
  withdrawn: NonNullable<CardRecord['withdrawn']>,
  actor: Actor,
): void {
  const data: CardRecord = { ...before.data, withdrawn };
  deps.store.write(tx, {
    type: 'card',
    id: before.id,
    before,
    data,
    index: cardIndex(data, before.unitPath ?? ''),
    actor,
    at: withdrawn.at,
    action: 'card.withdraw',
    reason: withdrawn.reason,
  });
}

/** Every card of a unit (issued and withdrawn), by quarter. */
export async function cardsOfUnit(deps: Deps, unitId: string): Promise<StoredRecord<CardRecord>[]> {
  return deps.store.queryIndex<CardRecord>(partitions.ofUnit('card', unitId));
}

/** Cards of units in the caller's jurisdiction, newest first. */
export async function listCards(deps: Deps, p: Principal, q: CardListQuery) {
  const page = await deps.store.list<CardRecord>('card', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    filters: equalsFilters({ quarter: q.quarter, state: q.state }),
    limit: q.limit,
    ...pageRange(p, q),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}
