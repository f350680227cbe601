/**
 * The transaction content of one received petition, given what was read before it (the petitioner
 * guard and the petitioner's stored petitions): the petition and its event; the guard, bumped (so two
 * petitions of one petitioner are never classified concurrently — the loser's condition fails and it
 * is read and classified again); its natural key and Idempotency-Key marker; the earlier-received
 * petitions whose `repeatOf` its arrival changes (out-of-order ingestion, shared `repeatsAffectedBy`),
 * with their aggregate deltas; and, when it reveals that an earlier petition missed its SLA, the alert
 * and the proposed case (once per earlier petition: skipped when the trigger marker exists, and the
 * marker is put with a condition).
 *
 * Chosen: changed petitions beyond what fits one item of a transaction (in practice one or two change)
 * are written after it in follow-up transactions, each with its own aggregate deltas; a crash or race
 * between them leaves a stale `repeatOf` that the next petition of the same petitioner corrects
 * (repeatsAffectedBy also reports a stored value that differs from the recomputed one).
 */

import {
  caseDecideBy,
  leadersInPost,
  localDateOf,
  maskPetitioner,
  type PetitionSlaMissed,
  petitionFacts,
  receivePetition,
  repeatsAffectedBy,
  type Scheme,
  slaCountedFrom,
  slaMissedActions,
  slaStatus,
  wholeQuarters,
} from '@jiandu/shared';
import type { PetitionView } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import type { SealedBlob } from '../../crypto/pii.js';
import { keys } from '../../store/keys.js';
import { SYSTEM_ACTOR } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { ALERT_TX_ITEMS, writeAlert } from '../alerts/alerts.js';
import { type GoLiveOf, goLiveLookup } from '../alerts/go-live.js';
import { triggerRaised } from '../alerts/triggers.js';
import { PROPOSAL_TX_ITEMS, proposedCase, writeCaseProposal } from '../cases/cases.js';
import { tenuresOf } from '../org/org.js';
import { commitOne, type ItemWrite } from '../records/commit.js';
import { type IdemRef, putIdemMarker, type StoredResponse } from '../records/idempotency.js';
import { putNaturalKey } from '../records/natural-keys.js';
import {
  type Intake,
  type LoadedPetition,
  petitionIndex,
  petitionView,
  type StoredPetition,
} from './records.js';

/** What was read before preparing: the guard (null: the key has no petition yet) and the petitions. */
export interface Known {
  guard: { count: number; version: number } | null;
  group: LoadedPetition[];
}

interface Changed {
  before: LoadedPetition;
  after: StoredPetition;
}

export interface PreparedPetition extends ItemWrite<{ id: string; response: StoredResponse<PetitionView> }> {
  /** Changed petitions that did not fit: written after the commit (writeFollowUps). */
  rest: Changed[];
}

/**
 * A petition of the past (the past-records import): its receipt is the create event's `occurredAt`,
 * with the import's note as its reason. (What an earlier petition's missed SLA raises follows go-live
 * for every petition alike: missedSinceGoLive below.)
 */
export interface PastReceipt {
  occurredAt: string;
  /** The create event's reason: the import it came from (file, hash, row). */
  note: string;
}

/** At most this many transaction items per petition, so a few petitions still pack into one. */
const ITEM_BUDGET = 60;

export async function preparePetition(
  deps: Deps,
  p: Principal,
  intake: Intake,
  sealed: SealedBlob,
  known: Known,
  idem: IdemRef | null,
  scheme: Scheme,
  at: string,
  past: PastReceipt | null = null,
): Promise<PreparedPetition> {
  const { input, unitPath, petitionerKey, escalated } = intake;
  const { guard, group } = known;
  const id = deps.newId();
  const { petitioner, ...fields } = input;
  const upd = repeatsAffectedBy(
    { id, petitionerKey, unitId: input.unitId, category: input.category, receivedAt: input.receivedAt },
    group.map((g) => g.rec.data),
    scheme,
  );
  const petition: StoredPetition = {
    ...receivePetition(fields, { id, petitionerKey, repeatOf: upd.repeatOf, escalated }, scheme),
    petitioner: maskPetitioner(petitioner),
  };
  const byId = new Map(group.map((g) => [g.rec.id, g]));
  const changed: Changed[] = upd.changed.flatMap((c) => {
    const g = byId.get(c.id);
    return g ? [{ before: g, after: { ...g.rec.data, repeatOf: c.repeatOf } }] : [];
  });
  const all = new Map<string, StoredPetition>(group.map((g) => [g.rec.id, g.rec.data]));
  for (const c of changed) all.set(c.after.id, c.after);
  all.set(id, petition);

  const response: StoredResponse<PetitionView> = {
    status: 201,
    body: petitionView({ data: petition, version: 1 }, at, scheme),
  };
  let size = 3 + (input.externalId ? 1 : 0) + (idem ? 1 : 0);
  // Alerts and proposals revealed by this arrival: the new petition, and later ones it now precedes.
  const raised = await slaMissedRecords(
    deps,
    [petition, ...changed.map((c) => c.after)],
    [...all.values()],
    scheme,
    at,
  );
  size += raised.length * (ALERT_TX_ITEMS + PROPOSAL_TX_ITEMS);
  const inline: Changed[] = [];
  const rest: Changed[] = [];
  for (const c of changed) {
    if (size + 2 <= ITEM_BUDGET) {
      inline.push(c);
      size += 2;
    } else rest.push(c);
  }
  const actor = { id: p.id, role: 'supervisor' as const };
  return {
    result: { id, response },
    size,
    rest,
    changes: [
      { before: null, after: petitionFacts(petition) },
      ...inline.map((c) => ({ before: petitionFacts(c.before.rec.data), after: petitionFacts(c.after) })),
    ],
    write: (tx, prefix) => {
      deps.store.write(tx, {
        type: 'petition',
        id,
        before: null,
        data: petition,
        index: petitionIndex(petition, unitPath, sealed, scheme),
        actor,
        at,
        ...(past ? { occurredAt: past.occurredAt, reason: past.note } : {}),
        action: 'petition.create',
        labelPrefix: prefix,
      });
      const guardItem = { ...keys.petitionerGuard(petitionerKey), count: (guard?.count ?? 0) + 1 };
      if (guard)
        tx.putVersioned(`${prefix}guard`, { ...guardItem, version: guard.version + 1 }, guard.version);
      else tx.putNew(`${prefix}guard`, { ...guardItem, version: 1 });
      if (input.externalId) putNaturalKey(tx, `${prefix}nk`, 'petition', input.channel, input.externalId, id);
      if (idem) putIdemMarker(tx, `${prefix}idem`, idem, response, deps.clock());
      for (const [n, r] of raised.entries())
        r.write(tx, unitPathOf(r.earlierId, byId, unitPath), `${prefix}sla${n}`);
      for (const [n, c] of inline.entries())
        writeRepeatChange(deps, tx, c, scheme, at, id, `${prefix}c${n}:`);
    },
  };
}

const unitPathOf = (earlierId: string, stored: Map<string, LoadedPetition>, newUnitPath: string) =>
  stored.get(earlierId)?.rec.unitPath ?? newUnitPath;

/** Writes the changed petitions that did not fit, one transaction each (see the module note). */
export async function writeFollowUps(
  deps: Deps,
  prepared: PreparedPetition,
  scheme: Scheme,
  at: string,
): Promise<void> {
  for (const c of prepared.rest) {
    const tx = new Tx(deps.tableName);
    writeRepeatChange(deps, tx, c, scheme, at, prepared.result.id, '');
    try {
      await commitOne(deps, tx, [
        { before: petitionFacts(c.before.rec.data), after: petitionFacts(c.after) },
      ]);
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e; // changed meanwhile: the next petition of the key converges
    }
  }
}

function writeRepeatChange(
  deps: Deps,
  tx: Tx,
  c: Changed,
  scheme: Scheme,
  at: string,
  causeId: string,
  prefix: string,
): void {
  deps.store.write(tx, {
    type: 'petition',
    id: c.after.id,
    before: c.before.rec,
    data: c.after,
    index: petitionIndex(c.after, c.before.rec.unitPath ?? '', c.before.sealed, scheme),
    actor: SYSTEM_ACTOR,
    at,
    action: 'petition.repeatOf',
    reason: `petition ${causeId} was received earlier`,
    labelPrefix: prefix,
  });
}

/**
 * Whether the SLA the earlier petition missed was still missed with its clock counted from its unit's
 * go-live (services/alerts/go-live.ts): a miss that lay wholly before go-live — the earlier petition
 * decided or handled late, but before go-live — or that go-live's fresh clock has not yet run out on when
 * the later petition arrives, proposes no case and raises no alert (DESIGN §4.7).
 */
function missedSinceGoLive(
  a: PetitionSlaMissed,
  all: readonly StoredPetition[],
  later: StoredPetition,
  goLive: GoLiveOf,
  scheme: Scheme,
): boolean {
  const earlier = all.find((x) => x.id === a.earlierPetitionId);
  if (!earlier) return false;
  const counted = slaCountedFrom(earlier, goLive(earlier.unitId), scheme.timeZone);
  const s = slaStatus(counted, later.receivedAt, scheme);
  return a.missed === 'accept' ? s.accept.status === 'missed' : s.handle?.status === 'missed';
}

interface RaisedRecords {
  earlierId: string;
  write: (tx: Tx, unitPath: string, prefix: string) => void;
}

/**
 * For every later petition, the SLA its earlier petition missed (shared slaMissedActions): an alert and
 * a case proposed against the leaders of the earlier petition's unit who were in post from its receipt
 * to the due it missed. Each only when its trigger marker does not exist yet.
 */
async function slaMissedRecords(
  deps: Deps,
  laters: StoredPetition[],
  all: StoredPetition[],
  scheme: Scheme,
  at: string,
): Promise<RaisedRecords[]> {
  const found = new Map<string, { a: PetitionSlaMissed; later: StoredPetition }>();
  const goLive = await goLiveLookup(deps);
  for (const later of laters) {
    const a = slaMissedActions(later, all, scheme);
    if (!a || found.has(a.earlierPetitionId) || !missedSinceGoLive(a, all, later, goLive, scheme)) continue;
    found.set(a.earlierPetitionId, { a, later });
  }
  const out: RaisedRecords[] = [];
  for (const { a, later } of found.values()) {
    const stored = all.find((x) => x.id === a.earlierPetitionId);
    if (!stored) continue;
    // The leaders named are those in post while the clock counted from go-live ran.
    const earlier = slaCountedFrom(stored, goLive(stored.unitId), scheme.timeZone);
    const alert = (await triggerRaised(deps, 'alert', a.alert.alertKey))
      ? null
      : { ...a.alert, id: deps.newId(), state: 'open' as const, raisedAt: at, version: 1 };
    let proposal = null;
    if (!(await triggerRaised(deps, 'case', a.proposal.triggerKey))) {
      const status = slaStatus(earlier, later.receivedAt, scheme);
      const due = a.missed === 'accept' ? status.accept.due : (status.handle?.due ?? status.accept.due);
      const from = localDateOf(earlier.receivedAt, scheme.timeZone);
      // The leaders in post from the receipt to the missed due day, with their days in whole quarters.
      const span = { from, to: due };
      const tenures = await tenuresOf(deps, a.proposal.unitId);
      const subjects = leadersInPost(a.proposal.unitId, tenures, span, wholeQuarters(span));
      proposal = proposedCase(
        deps.newId(),
        a.proposal.triggerKey,
        a.proposal.trigger,
        subjects,
        at,
        caseDecideBy(at, scheme),
      );
    }
    if (!alert && !proposal) continue;
    out.push({
      earlierId: earlier.id,
      write: (tx, unitPath, prefix) => {
        if (alert) writeAlert(deps, tx, alert, unitPath, SYSTEM_ACTOR, at, `${prefix}a:`);
        if (proposal) writeCaseProposal(deps, tx, proposal, unitPath, SYSTEM_ACTOR, at, `${prefix}c:`);
      },
    });
  }
  return out;
}
