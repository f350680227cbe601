/**
 * Writing a new rectification, whoever creates it (an assignment, a finding, a major negative signal, a
 * ledger import): the state item with its index and starting horizon, its chained event, the
 * "assigned" notification, its natural-key marker, and the aggregate change — all added to the
 * caller's transaction, so a finding's rectification commits with the finding (DESIGN §5).
 */
import {
  initialHorizon,
  type LocalDate,
  type QuarterKey,
  type RecordChange,
  type Rectification,
  rectificationFacts,
} from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';
import { addToOutbox, OUTBOX_TX_ITEMS, rectificationNotification } from '../../outbox/notification.js';
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
  /** The event's action: an import is told apart from an assignment in the record's history. */
  action: 'rectification.create' | 'rectification.import';
  /**
   * Whether the unit's officers are told it was assigned. A ledger import is not: its rows were
   * assigned before, on paper, and a file of hundreds would flood the officers' inbox.
   */
  notify: boolean;
  /** The natural key (source + external id) that makes re-sending the same record a duplicate. */
  naturalKey: { source: string; externalId: string } | null;
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
    size: 2 + (c.notify ? OUTBOX_TX_ITEMS : 0) + (c.naturalKey ? 1 : 0),
    changes: [{ before: null, after: rectificationFacts(rect, horizon) }],
    write: (tx, prefix) => {
      deps.store.write(tx, {
        type: 'rectification',
        id: rect.id,
        before: null,
        data: rect,
        index: rectificationIndex(rect, c.unitPath, horizon),
        actor: c.actor,
        at: c.at,
        action: c.action,
        labelPrefix: prefix,
      });
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
