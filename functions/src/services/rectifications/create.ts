/**
 * Writing a new rectification, whoever creates it (an assignment, a finding, a major negative signal, a
 * ledger import): the state item with its index and starting horizon, its chained event, the
 * "assigned" notification, its natural-key marker, and the aggregate change — all added to the
 * caller's transaction, so a finding's rectification commits with the finding (DESIGN §5).
 */
import {
  appendEvent,
  initialHorizon,
  type LocalDate,
  type QuarterKey,
  type RecordChange,
  type Rectification,
  rectificationFacts,
} from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';
import { addToOutbox, OUTBOX_TX_ITEMS, rectificationNotification } from '../../outbox/notification.js';
import { keys } from '../../store/keys.js';
import type { Actor } from '../../store/record-store.js';
import type { Tx } from '../../store/tx.js';
import { putNaturalKey } from '../records/natural-keys.js';
import { rectificationIndex } from './index.js';

export interface RectificationCreation {
  rect: Rectification;
  horizon: QuarterKey;
  /** Transaction items `write` adds (the state item and its event, then the notification and marker). */
  size: number;
  changes: RecordChange[];
  /** Adds the writes to `tx`, every label starting with `prefix` (a batch item's own). */
  write: (tx: Tx, prefix: string) => void;
}

export interface CreationContext {
  unitPath: string;
  /** Today in the scheme's time zone: the horizon starts at its quarter or the deadline's, the later. */
  todayLocal: LocalDate;
  actor: Actor;
  at: string;
  /** When it was assigned, where that lies before `at` (a past record's import: the event's occurredAt). */
  occurredAt?: string;
  /** The event's reason (a past record's import names itself: file, hash, row). */
  reason?: string;
  /** The event's action: an import is told apart from an assignment in the record's history. */
  action: 'rectification.create' | 'rectification.import';
  /**
   * Whether the unit's officers are told it was assigned. A ledger import is not: its rows were
   * assigned before, on paper, and a file of hundreds would flood the officers' inbox.
   */
  notify: boolean;
  /** The natural key (source + external id) that makes re-sending the same record a duplicate. */
  naturalKey: { source: string; externalId: string } | null;
  /**
   * A ledger row closed offline (DESIGN §4.7): `rect` is the closed record (version 2) and `open` the
   * record as the ledger handed it down (version 1). The chain gets two events in the one transaction:
   * the import (`action`, at now) and `rectification.migratedClosure` (at now, occurredAt the closure
   * instant, its reason naming the import, the file, the row and the offline verifiers) — never a
   * review or approval event: no in-system reviewer approved it.
   */
  migratedClosure?: { open: Rectification; occurredAt: string; reason: string };
}

/** The writes and aggregate change of the new record `rect` (as newRectification or an import made it). */
export function rectificationCreation(
  deps: Deps,
  rect: Rectification,
  c: CreationContext,
): RectificationCreation {
  const horizon = initialHorizon(c.todayLocal, rect.deadline);
  return {
    rect,
    horizon,
    size: 2 + (c.migratedClosure ? 1 : 0) + (c.notify ? OUTBOX_TX_ITEMS : 0) + (c.naturalKey ? 1 : 0),
    changes: [{ before: null, after: rectificationFacts(rect, horizon) }],
    write: (tx, prefix) => {
      const input = {
        type: 'rectification' as const,
        id: rect.id,
        before: null,
        data: rect,
        index: rectificationIndex(rect, c.unitPath, horizon),
        actor: c.actor,
        at: c.at,
        ...(c.occurredAt !== undefined ? { occurredAt: c.occurredAt } : {}),
        ...(c.reason !== undefined ? { reason: c.reason } : {}),
        action: c.action,
        labelPrefix: prefix,
      };
      if (c.migratedClosure) writeMigratedClosure(deps, tx, input, c.migratedClosure, prefix);
      else deps.store.write(tx, input);
      // The cause is the record at version 1, so a retried transaction notifies once.
      if (c.notify)
        addToOutbox(tx, rectificationNotification(rect, 'assigned', `${rect.id}-1`, c.at), prefix);
      if (c.naturalKey) {
        const { source, externalId } = c.naturalKey;
        putNaturalKey(tx, `${prefix}nk`, 'rectification', source, externalId, rect.id);
      }
    },
  };
}

/**
 * The record created closed, with its two events (see CreationContext.migratedClosure): one state item
 * at version 2 whose chain head is the closure event. The record store's `write` puts one event per
 * state put; a record born with two events is built here from the same pieces (appendEvent, itemOf).
 */
function writeMigratedClosure(
  deps: Deps,
  tx: Tx,
  input: Parameters<Deps['store']['itemOf']>[0],
  m: NonNullable<CreationContext['migratedClosure']>,
  prefix: string,
): void {
  const recordKey = keys.recordKey('rectification', input.id);
  const common = { recordKey, actorId: input.actor.id, role: input.actor.role, at: input.at };
  const imported = appendEvent(null, {
    ...common,
    action: input.action,
    before: null,
    after: m.open,
    reason: null,
  });
  const closed = appendEvent(imported, {
    ...common,
    occurredAt: m.occurredAt,
    action: 'rectification.migratedClosure',
    before: m.open,
    after: input.data,
    reason: m.reason,
  });
  const head = { recordKey, seq: closed.seq, hash: closed.hash };
  tx.putNew(`${prefix}record:${recordKey}`, deps.store.itemOf(input, 2, head));
  tx.putNew(`${prefix}event:${recordKey}`, { ...keys.event('rectification', input.id, 1), ...imported });
  tx.putNew(`${prefix}event2:${recordKey}`, { ...keys.event('rectification', input.id, 2), ...closed });
}
