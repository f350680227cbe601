/**
 * The change feed (DESIGN §5, issue 18): every write to a record's state item or event chain — through
 * the API or around it — arrives on the table's stream, and the change-feed function marks the record as
 * changed on that UTC day (keys.changed). The incremental verify reads these markers instead of the whole
 * table. Because the stream carries every write, a record altered outside the API is marked like any
 * other: the feed does not depend on the code that was bypassed. Markers expire after CHANGE_TTL_DAYS.
 */

import { createHash } from 'node:crypto';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { CHANGE_SHARDS, keys, STATE_SK } from '../../store/keys.js';
import { putAll, type TableRef } from '../../store/table-ops.js';

export const CHANGE_TTL_DAYS = 40;

/** One written item as the stream names it: its key and when it was written. */
export interface ChangedItem {
  pk: string;
  sk: string;
  atMs: number;
}

/** A record's chain items: its state item and its events (other items are no record's chain). */
export const isChainItem = (sk: string): boolean => sk === STATE_SK || sk.startsWith(keys.eventPrefix);

export const shardOf = (recordKey: string): number =>
  createHash('sha256').update(recordKey).digest().readUInt16BE(0) % CHANGE_SHARDS;

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The written items of a stream batch: key and approximate write time (seconds, in the stream). */
export const itemsOfStream = (event: DynamoDBStreamEvent): ChangedItem[] =>
  event.Records.flatMap((r) => {
    const k = r.dynamodb?.Keys;
    const pk = k?.pk?.S;
    const sk = k?.sk?.S;
    const at = r.dynamodb?.ApproximateCreationDateTime;
    return pk && sk && at !== undefined ? [{ pk, sk, atMs: at * 1000 }] : [];
  });

/** The markers of a batch of written items: one per record and day. */
export function markersOf(items: readonly ChangedItem[]): Record<string, unknown>[] {
  const out = new Map<string, Record<string, unknown>>();
  for (const { pk, sk, atMs } of items) {
    if (!isChainItem(sk)) continue;
    const day = utcDay(atMs);
    const key = keys.changed(day, shardOf(pk), pk);
    out.set(`${key.pk}\u0000${key.sk}`, {
      ...key,
      ttl: Math.floor(atMs / 1000) + CHANGE_TTL_DAYS * 86_400,
    });
  }
  return [...out.values()];
}

/** Writes the markers (25 a request, unprocessed ones again); returns how many. */
export async function markChanges(deps: TableRef, items: readonly ChangedItem[]): Promise<number> {
  const markers = markersOf(items);
  await putAll(deps, markers);
  return markers.length;
}
