/**
 * Receiving petitions (信访登记), one (its own transaction, with the Idempotency-Key marker) or a batch
 * (rounds of bulk reads and shared transactions). What each petition's transaction holds is in
 * petition-prepare.ts; this module validates, reads what the preparation needs, commits and retries.
 */

import {
  DomainError,
  identityMatchKey,
  isPetitionEscalated,
  normalizeIdNumber,
  type Scheme,
  type Unit,
  type UnitTree,
} from '@jiandu/shared';
import type { PetitionView } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import type { SealedBlob } from '../../crypto/pii.js';
import { keys } from '../../store/keys.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { writableUnitPath } from '../org/jurisdiction.js';
import { commitBatch, commitOne } from '../records/commit.js';
import { backoff, inPool } from '../records/concurrency.js';
import { type IdemRef, replay } from '../records/idempotency.js';
import type { Received } from '../records/ingest.js';
import { checkLiveInstant } from '../records/live-instants.js';
import { naturalOriginal } from '../records/natural-keys.js';
import { type PastReceipt, preparePetition, writeFollowUps } from './prepare.js';
import {
  type Intake,
  type LoadedPetition,
  type ParsedPetition,
  petitionerGuard,
  petitionsOfPetitioner,
} from './records.js';

export type { Intake, ParsedPetition };

const MAX_ATTEMPTS = 20;

/** Only supervisors register petitions (DESIGN §1: the supervisor handles petitions). */
export function assertPetitionWriter(p: Principal): void {
  assertCan(p, 'petition.handle');
}

/**
 * Checks what the schema cannot: a present ID number must be a valid one (chosen: a mistyped number
 * would silently defeat repeat detection), the unit is in the caller's jurisdiction, and the receipt is
 * live (records/live-instants.ts). Computes the petitioner key and escalation.
 */
export async function validateIntake(
  deps: Deps,
  p: Principal,
  input: ParsedPetition,
  tree: UnitTree<Unit>,
  scheme: Scheme,
): Promise<Intake> {
  const intake = await intakeOf(deps, p, input, tree, scheme);
  // After the jurisdiction check: a unit's 成立日期 is not told to whom may not see the unit.
  checkLiveInstant(deps, scheme, tree, input.unitId, 'receivedAt', input.receivedAt);
  return intake;
}

/**
 * validateIntake but for the receipt's time: the past-records import checks its past instants itself
 * (pastInstantProblem, row by row) and shares everything else, the identity's keyed hash included.
 */
export async function intakeOf(
  deps: Deps,
  p: Principal,
  input: ParsedPetition,
  tree: UnitTree<Unit>,
  scheme: Scheme,
): Promise<Intake> {
  const { idNumber } = input.petitioner;
  if (idNumber !== undefined && normalizeIdNumber(idNumber) === null)
    throw new DomainError('petition.invalidIdNumber', 'not a valid ID number', {
      field: 'petitioner/idNumber',
    });
  const unitPath = await writableUnitPath(deps, p, input.unitId);
  return {
    input,
    unitPath,
    petitionerKey: identityMatchKey(input.petitioner, (s) => deps.pii.matchKey(s)),
    escalated: isPetitionEscalated(input, tree, scheme),
  };
}

/** The petitions of a key, waiting briefly for an index that lags behind the guard's count. */
async function groupOf(deps: Deps, key: string, guard: { count: number } | null): Promise<LoadedPetition[]> {
  if (guard === null) return [];
  for (let i = 0; ; i++) {
    const group = await petitionsOfPetitioner(deps, key);
    if (group.length >= guard.count || i >= 10) return group;
    await new Promise((r) => setTimeout(r, 20 * (i + 1)));
  }
}

const guardOf = (item: Record<string, unknown> | undefined) =>
  item ? { count: Number(item.count), version: Number(item.version) } : null;

/** Receives one validated petition in its own transaction; retried on a race. */
export async function receivePetitionOnce(
  deps: Deps,
  p: Principal,
  intake: Intake,
  sealed: SealedBlob,
  idem: IdemRef | null,
  past: PastReceipt | null = null,
): Promise<Received<PetitionView>> {
  const { input, petitionerKey } = intake;
  const scheme = await deps.scheme();
  for (let attempt = 0; ; attempt++) {
    if (input.externalId) {
      const existing = await naturalOriginal(deps, 'petition', input.channel, input.externalId);
      if (existing) return { kind: 'duplicate', id: existing };
    }
    const at = await nowIso(deps);
    const guard = await petitionerGuard(deps, petitionerKey);
    const group = await groupOf(deps, petitionerKey, guard);
    const prepared = await preparePetition(deps, p, intake, sealed, { guard, group }, idem, scheme, at, past);
    const tx = new Tx(deps.tableName);
    prepared.write(tx, '');
    try {
      await commitOne(deps, tx, prepared.changes);
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e;
      const again = await replay<PetitionView>(deps, idem);
      if (again) return { kind: 'replayed', response: again };
      if (attempt + 1 >= MAX_ATTEMPTS) throw e;
      await backoff(attempt);
      continue;
    }
    await writeFollowUps(deps, prepared, scheme, at);
    return { kind: 'accepted', ...prepared.result };
  }
}

const PARALLEL = 16;
const nkKey = (i: Intake) => (i.input.externalId ? `${i.input.channel}\u0000${i.input.externalId}` : null);

/**
 * A batch: in rounds, each taking the next petition of every petitioner (so a petitioner's petitions
 * are received in their order, each seeing the ones before), its reads done in bulk and its writes
 * packed into shared transactions (commitBatch, aggregates folded). An item whose condition failed (a
 * concurrent request took its natural key or its petitioner's guard) is received again on its own
 * before the next round.
 */
export async function receivePetitions(
  deps: Deps,
  p: Principal,
  entries: { index: number; intake: Intake }[],
): Promise<Map<number, Received>> {
  const scheme = await deps.scheme();
  const out = new Map<number, Received>();
  const groups = new Map<string, { index: number; intake: Intake }[]>();
  for (const e of entries)
    groups.set(e.intake.petitionerKey, [...(groups.get(e.intake.petitionerKey) ?? []), e]);
  const alone = async (e: { index: number; intake: Intake }) => {
    const sealed = await deps.pii.seal(e.intake.input.petitioner);
    out.set(e.index, await receivePetitionOnce(deps, p, e.intake, sealed, null));
  };
  for (let r = 0; ; r++) {
    const round = [...groups.values()].flatMap((g) => g.slice(r, r + 1));
    if (round.length === 0) break;
    const at = await nowIso(deps);
    const withNk = round.flatMap((e) =>
      e.intake.input.externalId
        ? [keys.natural('petition', e.intake.input.channel, e.intake.input.externalId)]
        : [],
    );
    const taken = await deps.store.itemsByKey(withNk);
    const guards = await deps.store.itemsByKey(
      round.map((e) => keys.petitionerGuard(e.intake.petitionerKey)),
    );
    const live: typeof round = [];
    const later: typeof round = [];
    const inRound = new Set<string>();
    for (const e of round) {
      const nk = nkKey(e.intake);
      const i = e.intake.input;
      const stored = i.externalId
        ? taken.get(keys.natural('petition', i.channel, i.externalId).pk)
        : undefined;
      if (stored) out.set(e.index, { kind: 'duplicate', id: String(stored.recordId) });
      else if (nk !== null && inRound.has(nk)) later.push(e);
      else {
        if (nk !== null) inRound.add(nk);
        live.push(e);
      }
    }
    const prepared = await inPool(live, PARALLEL, async (e) => {
      const guard = guardOf(guards.get(keys.petitionerGuard(e.intake.petitionerKey).pk));
      const group = await groupOf(deps, e.intake.petitionerKey, guard);
      const sealed = await deps.pii.seal(e.intake.input.petitioner);
      return preparePetition(deps, p, e.intake, sealed, { guard, group }, null, scheme, at);
    });
    const committed = await commitBatch(deps, prepared);
    await inPool([...live.keys()], PARALLEL, async (k) => {
      const e = live[k]!;
      const o = committed[k]!;
      if (!o.ok) later.push(e);
      else {
        out.set(e.index, { kind: 'accepted', ...o.result });
        await writeFollowUps(deps, prepared[k]!, scheme, at);
      }
    });
    // One item per petitioner in a round: the items received again here never share a petitioner.
    await inPool(later, PARALLEL, alone);
  }
  return out;
}
