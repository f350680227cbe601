/** A record's hash chain: an event appended without changing the record (a reminder, a ladder step). */
import { appendEvent, type ChainHead, type LedgerEvent } from '@jiandu/shared';
import { keys } from '../../store/keys.js';
import type { StoredRecord } from '../../store/record-store.js';
import type { Tx } from '../../store/tx.js';

/**
 * Appends an event to a record's chain without changing the record: its state item is put back as read
 * with the new chain head, on condition that its version is unchanged (the version stays: a client's
 * expectedVersion still holds). The event is put only if new, so a concurrent change of the record
 * cancels one of the two transactions — the chain never forks.
 */
export function appendToChain(
  tx: Tx,
  label: string,
  item: Record<string, unknown>,
  stored: StoredRecord<unknown>,
  e: Omit<Parameters<typeof appendEvent>[1], 'recordKey'>,
): LedgerEvent {
  const recordKey = keys.recordKey(stored.type, stored.id);
  const prev = stored.head ? ({ ...stored.head } as LedgerEvent) : null;
  const event = appendEvent(prev, { recordKey, ...e });
  const head: ChainHead = { recordKey, seq: event.seq, hash: event.hash };
  tx.putVersioned(
    `${label}record:${recordKey}`,
    { ...item, headSeq: head.seq, headHash: head.hash },
    stored.version,
  );
  tx.putNew(`${label}event:${recordKey}`, { ...keys.event(stored.type, stored.id, event.seq), ...event });
  return event;
}
