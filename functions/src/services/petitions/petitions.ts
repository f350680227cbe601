/**
 * Petitions (信访): register one (Idempotency-Key, natural key channel + externalId) or a batch, list and
 * read them with their SLA clocks, move them through the workflow with optimistic concurrency, and
 * reveal a petitioner to a supervisor of the jurisdiction with a logged reason.
 *
 * Who (chosen where DESIGN is silent; the capabilities are in the core, access/capabilities.ts):
 * supervisors register, act on and reveal; supervisors and inspectors (who see everything in their
 * jurisdiction, §1) read, always masked. Unit officers, reviewers, viewers and admins do not read
 * petitions: the unit a petition is about must not learn who complained (whistleblower protection, §6);
 * leaders see the petitions' effects through aggregates, rankings and bulletins.
 */

import {
  acceptPetition,
  addDays,
  canonicalJson,
  closePetition,
  extendPetition,
  handlePetition,
  localDateOf,
  notAcceptPetition,
  type Petition,
  type Petitioner,
  petitionFacts,
  petitionInputSchema,
  type Role,
  roleWithCapability,
  type Satisfaction,
} from '@jiandu/shared';
import { type PetitionListQuery, petitionListQuerySchema } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { forbidden, notFound } from '../../app/edge-error.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { writeOperation } from '../../sheets/oplog.js';
import type { ListFilter, StoredRecord } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { assertVisible, listScope } from '../org/jurisdiction.js';
import { commitOne } from '../records/commit.js';
import { versionConflict } from '../records/conflict.js';
import { type IdemRef, idemRef, type StoredResponse } from '../records/idempotency.js';
import { type BatchItemResult, batchResultOf, createOnce, validItems } from '../records/ingest.js';
import { equalsFilters, keywordOf, pageRange } from '../records/lists.js';
import {
  assertPetitionWriter,
  type ParsedPetition,
  receivePetitionOnce,
  receivePetitions,
  validateIntake,
} from './intake.js';
import {
  type LoadedPetition,
  loadPetition,
  type PetitionView,
  petitionIndex,
  petitionView,
  type StoredPetition,
} from './records.js';

export function assertPetitionReader(p: Principal): void {
  assertCan(p, 'petition.read');
}

/**
 * The Idempotency-Key of a petition request: the body's hash is taken with the petitioner replaced by
 * its keyed hash, so the marker never holds even an unkeyed hash of the identity.
 */
export function petitionIdemRef(deps: Deps, header: string | undefined, p: Principal, body: ParsedPetition) {
  const safe = { ...body, petitioner: deps.pii.matchKey(canonicalJson(body.petitioner)) };
  return idemRef(header, `${p.id}:petitions`, safe);
}

export async function createPetition(
  deps: Deps,
  p: Principal,
  input: ParsedPetition,
  idem: IdemRef | null,
): Promise<StoredResponse<PetitionView>> {
  return createOnce(deps, idem, async () => {
    assertPetitionWriter(p);
    const intake = await validateIntake(deps, p, input, await deps.units.tree(), await deps.scheme());
    return receivePetitionOnce(deps, p, intake, await deps.pii.seal(input.petitioner), idem);
  });
}

/** A batch, answered item by item (received in rounds: petition-intake.ts). */
export async function ingestPetitions(deps: Deps, p: Principal, raw: unknown[]): Promise<BatchItemResult[]> {
  assertPetitionWriter(p);
  const tree = await deps.units.tree();
  const scheme = await deps.scheme();
  const results: BatchItemResult[] = new Array(raw.length);
  const entries = await validItems(raw, petitionInputSchema, results, async (input, index) => ({
    index,
    intake: await validateIntake(deps, p, input, tree, scheme),
  }));
  const received = await receivePetitions(deps, p, entries);
  for (const { index } of entries) results[index] = batchResultOf(index, received.get(index)!);
  return results;
}

export { type PetitionListQuery, petitionListQuerySchema };

function slaFilter(sla: 'overdue' | 'pending', today: string): ListFilter {
  const op = sla === 'overdue' ? '<' : '>=';
  return {
    expr: `((#sla_st = :sla_r AND #sla_ad ${op} :sla_t) OR (#sla_st = :sla_a AND #sla_hd ${op} :sla_t))`,
    names: { '#sla_st': 'state', '#sla_ad': 'acceptDue', '#sla_hd': 'handleDue' },
    values: { ':sla_r': 'received', ':sla_a': 'accepted', ':sla_t': today },
  };
}

export async function listPetitions(deps: Deps, p: Principal, q: PetitionListQuery) {
  assertPetitionReader(p);
  const prefix = await listScope(deps, p, q.unitId);
  const scheme = await deps.scheme();
  const at = await nowIso(deps);
  const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  const filters = equalsFilters({
    state: q.state,
    category: q.category,
    repeated: flag(q.repeated),
    escalated: flag(q.escalated),
  });
  const today = localDateOf(deps.clock(), scheme.timeZone);
  // Sorted by deadline, the SLA state is a range of the due list's key (an open clock's due day before
  // today, or from today on): read exactly, with no filter. Overdue (and red, the same petitions) is read
  // there whatever the order asked, as the rectifications' (services/rectifications/list.ts): newest
  // first it would read more the fewer are overdue. Choice: such a list comes most overdue first.
  const overdue = q.sla === 'overdue' || q.light === 'red';
  const byDue = q.sort === 'deadline' || overdue;
  const rangeSla = overdue ? 'overdue' : byDue ? q.sla : undefined;
  if (q.sla && q.sla !== rangeSla) filters.push(slaFilter(q.sla, today));
  // A light needs an open clock: red is the overdue SLA filter; yellow and green are pending clocks, told
  // apart on the page read (a light is derived now, never stored — a page may hold fewer items than asked
  // while its cursor goes on).
  if (q.light) filters.push(slaFilter(q.light === 'red' ? 'overdue' : 'pending', today));
  const page = await deps.store.list<StoredPetition>('petition', {
    unitPathPrefix: prefix,
    filters,
    limit: q.limit,
    ...(byDue ? { order: 'due' as const } : {}),
    ...(rangeSla ? { dueRange: rangeSla === 'overdue' ? { to: addDays(today, -1) } : { from: today } } : {}),
    ...pageRange(p, q),
    ...keywordOf(q),
  });
  const items = page.items.map((r) => petitionView(r, at, scheme));
  return { items: q.light ? items.filter((v) => v.light === q.light) : items, cursor: page.cursor };
}

async function visiblePetition(deps: Deps, p: Principal, id: string): Promise<LoadedPetition> {
  const l = await loadPetition(deps, id);
  if (!l) throw notFound('petition');
  await assertVisible(deps, p, l.rec.unitPath, 'petition');
  return l;
}

export async function getPetition(deps: Deps, p: Principal, id: string): Promise<PetitionView> {
  assertPetitionReader(p);
  const l = await visiblePetition(deps, p, id);
  return petitionView(l.rec, await nowIso(deps), await deps.scheme());
}

export type PetitionActionName = 'accept' | 'notAccept' | 'handle' | 'extend' | 'close';

export interface PetitionActionBody {
  expectedVersion: number;
  reason?: string | null | undefined;
  days?: number | undefined;
  satisfaction?: Satisfaction | null | undefined;
}

/** 409 with the current state (the loser of a race reloads from it). */
const conflict = (current: PetitionView) => versionConflict(current, 'petition');

/** The role a caller acts in: supervisor when they hold it (the core refuses any other). */
const actingRole = (p: Principal): Role =>
  roleWithCapability(p.roles, 'petition.handle') ?? p.roles[0] ?? 'viewer';

export async function actOnPetition(
  deps: Deps,
  p: Principal,
  id: string,
  action: PetitionActionName,
  body: PetitionActionBody,
): Promise<PetitionView> {
  const role = actingRole(p);
  if (role !== 'supervisor') throw forbidden('only supervisors act on petitions');
  const l = await visiblePetition(deps, p, id);
  const scheme = await deps.scheme();
  const at = await nowIso(deps);
  if (l.rec.version !== body.expectedVersion) throw conflict(petitionView(l.rec, at, scheme));
  const stored = await writePetitionStep(deps, l, action, body, { id: p.id, role }, at);
  return petitionView(stored, at, scheme);
}

/**
 * One workflow step of a loaded petition, live or from the past: the core's transition at the time it
 * happened (`past.occurredAt`, a past-records import's 受理时间/办结时间; else now), the state and its
 * event (recorded `at` now, with `occurredAt` and the import's note where given), the aggregate change; 409 with the current state
 * when the petition changed meanwhile.
 */
export async function writePetitionStep(
  deps: Deps,
  l: LoadedPetition,
  action: PetitionActionName,
  body: Omit<PetitionActionBody, 'expectedVersion'>,
  by: { id: string; role: Role },
  at: string,
  past?: { occurredAt: string; note: string },
): Promise<StoredRecord<StoredPetition>> {
  const occurredAt = past?.occurredAt;
  const scheme = await deps.scheme();
  const data = l.rec.data;
  const actor = { role: by.role, at: occurredAt ?? at };
  const next = ((): Petition => {
    switch (action) {
      case 'accept':
        return acceptPetition(data, actor, scheme);
      case 'notAccept':
        return notAcceptPetition(data, body.reason ?? '', actor);
      case 'handle':
        return handlePetition(data, actor);
      case 'extend':
        return extendPetition(data, body.days ?? Number.NaN, actor, scheme);
      case 'close':
        return closePetition(data, body.satisfaction, actor);
    }
  })();
  const after: StoredPetition = { ...next, petitioner: data.petitioner };
  const tx = new Tx(deps.tableName);
  const { stored } = deps.store.write(tx, {
    type: 'petition',
    id: l.rec.id,
    before: l.rec,
    data: after,
    index: petitionIndex(after, l.rec.unitPath ?? '', l.sealed, scheme),
    actor: by,
    at,
    ...(occurredAt !== undefined ? { occurredAt } : {}),
    action: `petition.${action}`,
    reason: action === 'notAccept' ? after.notAcceptedReason : (past?.note ?? null),
  });
  try {
    await commitOne(deps, tx, [{ before: petitionFacts(data), after: petitionFacts(after) }]);
  } catch (e) {
    if (!(e instanceof TxCancelled)) throw e;
    const current = await loadPetition(deps, l.rec.id);
    if (!current) throw notFound('petition');
    throw conflict(petitionView(current.rec, at, scheme));
  }
  return stored;
}

/**
 * The clear identity, for a supervisor whose jurisdiction holds the petition, with a reason. The reveal
 * is an event on the petition (who, when, why, which fields) that holds no identity itself, and an entry
 * of the operation log written in the same transaction (no reveal without its entry). Chosen: it is a
 * write like any other, so it bumps the version (a stale expectedVersion then gets 409 + current).
 */
export async function revealPetitioner(
  deps: Deps,
  p: Principal,
  id: string,
  reason: string,
): Promise<{ id: string; petitioner: Petitioner }> {
  assertCan(p, 'petition.reveal');
  const scheme = await deps.scheme();
  for (let attempt = 0; ; attempt++) {
    const l = await visiblePetition(deps, p, id);
    const petitioner = await deps.pii.open<Petitioner>(l.sealed);
    const at = await nowIso(deps);
    const tx = new Tx(deps.tableName);
    deps.store.write(tx, {
      type: 'petition',
      id,
      before: l.rec,
      data: l.rec.data,
      index: petitionIndex(l.rec.data, l.rec.unitPath ?? '', l.sealed, scheme),
      actor: { id: p.id, role: 'supervisor' },
      at,
      action: 'petition.reveal',
      reason,
      eventBefore: null,
      eventAfter: { revealed: Object.keys(petitioner).sort() },
    });
    await writeOperation(deps, tx, p, 'supervisor', {
      at,
      action: 'identity.reveal',
      target: 'petition',
      filter: { id, fields: Object.keys(petitioner).sort().join(',') },
      reason,
      rows: 1,
      outcome: 'complete',
      scopeUnitId: l.rec.data.unitId,
    });
    try {
      await tx.commit(deps.doc);
      return { id, petitioner };
    } catch (e) {
      if (!(e instanceof TxCancelled) || attempt >= 4) throw e;
    }
  }
}
