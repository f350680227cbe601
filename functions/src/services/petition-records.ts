/**
 * How a petition is stored and shown. The petitioner's identity never appears in clear: the state item
 * keeps it sealed (envelope encryption) in its own attribute `pii`, outside `data`; `data.petitioner` holds
 * the MASKED form (张*, 138****1234), so every response, list, event and export shows only that, with no
 * decryption on the read path. `data.petitionerKey` is the keyed hash used for repeat detection.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  formatInstant,
  instantMs,
  type Petition,
  type Petitioner,
  type Scheme,
  type SlaStatus,
  slaStatus,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { SealedBlob } from '../crypto/pii.js';
import { keys, STATE_SK } from '../store/keys.js';
import { type RecordIndex, RecordStore, type StoredRecord } from '../store/record-store.js';

/** The stored petition: the record of the core plus the masked petitioner. */
export type StoredPetition = Petition & { petitioner: Petitioner };

/** What every response shows: the record, its version (for expectedVersion) and its SLA clocks now. */
export type PetitionView = StoredPetition & { version: number; sla: SlaStatus };

/** A petition as read from the table, with its sealed identity (never sent anywhere). */
export interface LoadedPetition {
  rec: StoredRecord<StoredPetition>;
  sealed: SealedBlob;
}

/** Attribute of the state item that holds the sealed identity. */
export const PII_ATTR = 'pii';

export function petitionIndex(
  p: StoredPetition,
  unitPath: string,
  sealed: SealedBlob,
  scheme: Scheme,
): RecordIndex {
  const receivedMs = instantMs(p.receivedAt);
  // The local time of receipt: sorts in time order and starts with the local date (from/to filters).
  const sort = formatInstant(receivedMs, scheme.timeZone);
  return {
    unitPath,
    listSort: sort,
    unit: { unitId: p.unitId, sort },
    extra: {
      ...keys.petitionerIndex(p.petitionerKey, receivedMs, p.id),
      [PII_ATTR]: sealed,
      state: p.state,
      category: p.category,
      channel: p.channel,
      acceptDue: p.acceptDue,
      handleDue: p.handleDue,
      repeated: p.repeatOf !== null,
      escalated: p.escalated,
    },
  };
}

export const petitionView = (
  rec: Pick<StoredRecord<StoredPetition>, 'data' | 'version'>,
  nowIso: string,
  scheme: Scheme,
): PetitionView => ({ ...rec.data, version: rec.version, sla: slaStatus(rec.data, nowIso, scheme) });

function loaded(item: Record<string, unknown>): LoadedPetition {
  return { rec: RecordStore.fromItem<StoredPetition>(item), sealed: item[PII_ATTR] as SealedBlob };
}

export async function loadPetition(deps: Deps, id: string): Promise<LoadedPetition | null> {
  const r = await deps.doc.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.record('petition', id), ConsistentRead: true }),
  );
  return r.Item ? loaded(r.Item) : null;
}

/** Every stored petition of one petitioner key (gsi2), with their sealed identities. */
export async function petitionsOfPetitioner(deps: Deps, petitionerKey: string): Promise<LoadedPetition[]> {
  const out: LoadedPetition[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': 'gsi2pk' },
        ExpressionAttributeValues: { ':p': keys.petitionerPartition(petitionerKey) },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of r.Items ?? []) if (item.sk === STATE_SK) out.push(loaded(item));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The petitioner guard: how many petitions the key has and the version to condition on. */
export async function petitionerGuard(
  deps: Deps,
  petitionerKey: string,
): Promise<{ count: number; version: number } | null> {
  const r = await deps.doc.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: keys.petitionerGuard(petitionerKey),
      ConsistentRead: true,
    }),
  );
  return r.Item ? { count: Number(r.Item.count), version: Number(r.Item.version) } : null;
}

/** Many single items by key, read consistently (natural keys, guards of a batch), by pk. */
export async function itemsByKey(
  deps: Deps,
  wanted: readonly { pk: string; sk: string }[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(wanted.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [deps.tableName]: { Keys: unique.slice(i, i + 100), ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const r = await deps.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of r.Responses?.[deps.tableName] ?? []) out.set(String(item.pk), item);
      request = r.UnprocessedKeys as typeof request;
    }
  }
  return out;
}

/** Runs `f` over `items` with at most `n` at a time; results in the order of `items`. */
export async function inPool<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await f(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** A pause before retrying a write that lost a race: longer with every attempt (no clock read). */
export const backoff = (attempt: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.min(200, 5 * (attempt + 1))));
