/**
 * How an opinion signal is stored: the state item (listed by local publication time; a signal without a
 * unit sits in the gsi2 triage partition, an assigned one in its unit's gsi3 partition), and one marker
 * item per canonical URL and per normalized text (`keys.signalUrl` / `keys.signalText`, keyed by the
 * SHA-256 of the key) naming the signal that owns it — the markers are what make duplicates lose.
 */
import {
  type Alert,
  formatInstant,
  instantMs,
  localDateOf,
  majorNegativeActions,
  newRectification,
  type RecordChange,
  type Scheme,
  type Signal,
  type SignalKeys,
  sha256Hex,
  whollyBeforeGoLive,
} from '@jiandu/shared';
import type { SignalView } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { keys } from '../../store/keys.js';
import { type Actor, type RecordIndex, type StoredRecord, SYSTEM_ACTOR } from '../../store/record-store.js';
import type { Tx } from '../../store/tx.js';
import { ALERT_TX_ITEMS, writeAlert } from '../alerts/alerts.js';
import { type RectificationCreation, rectificationCreation } from '../rectifications/create.js';

export type { SignalView };

export const TRIAGE_STATE = 'triage';
export const ASSIGNED_STATE = 'assigned';

export const signalState = (s: Pick<Signal, 'unitId'>) => (s.unitId === null ? TRIAGE_STATE : ASSIGNED_STATE);

export function signalIndex(s: Signal, unitPath: string, scheme: Scheme): RecordIndex {
  const sort = formatInstant(instantMs(s.publishedAt), scheme.timeZone);
  return {
    unitPath,
    listSort: sort,
    // Assigned: its unit's partition; in triage: on one shard of the triage queue (keys.triage).
    ...(s.unitId === null ? {} : { unit: { unitId: s.unitId, sort } }),
    extra: {
      ...(s.unitId === null ? keys.triage(s.id, sort) : {}),
      state: signalState(s),
      severity: s.severity,
      polarity: s.polarity,
      platform: s.platform,
    },
  };
}

export const signalView = (rec: Pick<StoredRecord<Signal>, 'data' | 'version'>): SignalView => ({
  ...rec.data,
  version: rec.version,
});

export const urlMarker = (canonicalUrl: string) => keys.signalUrl(sha256Hex(canonicalUrl));
export const textMarker = (textKey: string) => keys.signalText(sha256Hex(textKey));

/** The signals that own these keys now (consistent reads): canonical URL → id, text key → id. */
export async function markerOwners(
  deps: Deps,
  all: readonly SignalKeys[],
): Promise<{ byUrl: Map<string, string>; byText: Map<string, string> }> {
  const wanted = new Map<string, { kind: 'url' | 'text'; key: string; item: { pk: string; sk: string } }>();
  for (const k of all) {
    const u = urlMarker(k.canonicalUrl);
    wanted.set(u.pk, { kind: 'url', key: k.canonicalUrl, item: u });
    if (k.textKey !== '') {
      const t = textMarker(k.textKey);
      wanted.set(t.pk, { kind: 'text', key: k.textKey, item: t });
    }
  }
  const out = { byUrl: new Map<string, string>(), byText: new Map<string, string>() };
  const found = await deps.store.itemsByKey([...wanted.values()].map((w) => w.item));
  for (const [pk, item] of found) {
    const w = wanted.get(pk);
    if (!w || typeof item.recordId !== 'string') continue;
    (w.kind === 'url' ? out.byUrl : out.byText).set(w.key, item.recordId);
  }
  return out;
}

/** The markers a new signal owns (put with a condition: a duplicate cannot also own them). */
export function putMarkers(tx: Tx, prefix: string, s: Pick<Signal, 'id' | 'canonicalUrl' | 'textKey'>): void {
  tx.putNew(`${prefix}url`, { ...urlMarker(s.canonicalUrl), recordId: s.id });
  if (s.textKey !== '') tx.putNew(`${prefix}text`, { ...textMarker(s.textKey), recordId: s.id });
}

/**
 * The keys of a repost, registered for its original when nobody owns them yet (so a repost of the repost
 * is found too, dedup.ts); never fails, never takes a key from another signal.
 */
export function registerMarker(
  tx: Tx,
  label: string,
  item: { pk: string; sk: string },
  recordId: string,
): void {
  tx.update(label, {
    Key: item,
    UpdateExpression: 'SET #r = if_not_exists(#r, :r)',
    ExpressionAttributeNames: { '#r': 'recordId' },
    ExpressionAttributeValues: { ':r': recordId },
  });
}

/** The actions due for a signal that has a unit now (a major negative one: alert + handling task). */
export interface SignalFollowUp {
  alert: Alert | null;
  rect: RectificationCreation | null;
  size: number;
  changes: RecordChange[];
  write: (tx: Tx, prefix: string) => void;
}

const NO_FOLLOW_UP: SignalFollowUp = { alert: null, rect: null, size: 0, changes: [], write: () => {} };

/**
 * Shared majorNegativeActions, as records: the alert (with its trigger marker) and the rectification
 * with its first-response deadline, counted from `at`. `signal` must carry its unit.
 *
 * Go-live (DESIGN §4.7): a signal published on a day before its unit's go-live (`goLive`, the core's
 * goLiveOf) lay wholly before it — the moment to respond to it has passed before Jiandu existed — so
 * it raises no alert and opens no handling task: it is history, counted in its quarter's opinion score
 * like any other signal (a county's administrator loading last year's 舆情 expects scores, not a flood
 * of first-response tasks due a year ago).
 */
export function signalFollowUp(
  deps: Deps,
  signal: Signal,
  unitPath: string,
  actor: Actor,
  at: string,
  scheme: Scheme,
  goLive: string | null,
): SignalFollowUp {
  if (whollyBeforeGoLive(localDateOf(signal.publishedAt, scheme.timeZone), goLive)) return NO_FOLLOW_UP;
  const actions = majorNegativeActions(signal, at, scheme);
  const alert: Alert | null = actions.alert
    ? { ...actions.alert, id: deps.newId(), state: 'open', raisedAt: at, version: 1 }
    : null;
  const rect = actions.rectification
    ? rectificationCreation(
        deps,
        newRectification(actions.rectification, { id: deps.newId(), at, by: actor.id }),
        {
          unitPath,
          todayLocal: localDateOf(at, scheme.timeZone),
          actor,
          at,
          action: 'rectification.create',
          notify: true,
          naturalKey: null,
        },
      )
    : null;
  return {
    alert,
    rect,
    size: (alert ? ALERT_TX_ITEMS : 0) + (rect?.size ?? 0),
    changes: rect?.changes ?? [],
    write: (tx, prefix) => {
      if (alert) writeAlert(deps, tx, alert, unitPath, SYSTEM_ACTOR, at, `${prefix}alert:`);
      rect?.write(tx, prefix);
    },
  };
}
