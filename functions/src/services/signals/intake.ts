/**
 * Ingesting opinion signals (舆情), one or a batch (DESIGN §4.5, §7). Per item:
 * - a natural key (platform + externalId) already taken → `duplicate` of its record, counting nothing
 *   (a retry of the same item);
 * - a canonical URL or normalized text already owned by a signal (or by an earlier item of the batch,
 *   shared dedupBatch) → a repost: `duplicate` with the original's id, and the original's repostCount
 *   goes up (a versioned write with a `signal.repost` event, one per original and transaction);
 * - otherwise `accepted`: the signal, its URL and text markers (put with a condition, in the same
 *   transaction — of two concurrent duplicates one wins, the other becomes its repost), its natural key,
 *   and for a major negative signal with a unit the alert and the handling rectification.
 * Chosen: without an externalId a re-sent item is indistinguishable from a repost of the same URL and is
 * counted as one; a client that retries should send an externalId (batch) or an Idempotency-Key (single).
 */

import {
  dedupBatch,
  goLiveOf,
  type Scheme,
  type Signal,
  type SignalKeys,
  signalFacts,
  type signalInputSchema,
  signalKeys,
} from '@jiandu/shared';
import type { SignalView } from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { keys } from '../../store/keys.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { scopeOf, writableUnitPath } from '../org/jurisdiction.js';
import { commitBatch, type ItemWrite } from '../records/commit.js';
import { backoff, inPool } from '../records/concurrency.js';
import { type IdemRef, putIdemMarker, replay, type StoredResponse } from '../records/idempotency.js';
import { duplicateOf, type Received } from '../records/ingest.js';
import { checkLiveInstant } from '../records/live-instants.js';
import { naturalOriginal, putNaturalKey } from '../records/natural-keys.js';
import {
  markerOwners,
  putMarkers,
  registerMarker,
  signalFollowUp,
  signalIndex,
  signalView,
  textMarker,
  urlMarker,
} from './records.js';

export type ParsedSignal = z.output<typeof signalInputSchema>;

/** A valid item with its keys and the jurisdiction path it is filed under. */
export interface SignalCandidate {
  index: number;
  input: ParsedSignal;
  keys: SignalKeys;
  /** The unit's path; for a signal without a unit, the ingesting user's home unit (who triages it). */
  unitPath: string;
  /** The unit's go-live date (null: live from the start, or no unit yet). */
  goLive: string | null;
  /**
   * A signal of the past (the past-records import): its publication is the create event's `occurredAt`,
   * the import's note its reason. (A major negative one published before go-live raises nothing: the
   * follow-up follows `goLive` for every signal alike.)
   */
  past?: { occurredAt: string; note: string };
}

/** Supervisors (who triage opinion, DESIGN §1) ingest signals. */
export function assertSignalWriter(p: Principal): void {
  assertCan(p, 'signal.ingest');
}

export const actorOf = (p: Principal) => ({ id: p.id, role: 'supervisor' as const });

/**
 * Keys (signal.invalidUrl on a URL that cannot be canonicalized), the jurisdiction path, and a live
 * publication time (records/live-instants.ts; checked after the jurisdiction, which may not learn of a
 * unit's 成立日期 otherwise).
 */
export async function candidateOf(deps: Deps, p: Principal, index: number, input: ParsedSignal) {
  const c = await keyedCandidate(deps, p, index, input);
  checkLiveInstant(
    deps,
    await deps.scheme(),
    await deps.units.tree(),
    input.unitId,
    'publishedAt',
    input.publishedAt,
  );
  return c;
}

/** candidateOf but for the publication time: the past-records import checks its past instants itself. */
export async function keyedCandidate(
  deps: Deps,
  p: Principal,
  index: number,
  input: ParsedSignal,
): Promise<SignalCandidate> {
  const k = signalKeys(input);
  const unitPath =
    input.unitId === null ? await scopeOf(deps, p) : await writableUnitPath(deps, p, input.unitId);
  const goLive =
    input.unitId === null
      ? null
      : goLiveOf(await deps.units.tree(), input.unitId, (await deps.scheme()).migration);
  return { index, input, keys: k, unitPath, goLive };
}

const nkOf = (c: SignalCandidate) =>
  c.input.externalId ? `${c.input.platform}\u0000${c.input.externalId}` : null;

function prepareCreate(
  deps: Deps,
  p: Principal,
  c: SignalCandidate,
  at: string,
  scheme: Scheme,
  idem: IdemRef | null,
): ItemWrite<Received<SignalView>> {
  const actor = actorOf(p);
  const base: Signal = {
    ...c.input,
    id: deps.newId(),
    canonicalUrl: c.keys.canonicalUrl,
    textKey: c.keys.textKey,
    repostCount: 0,
    rectificationId: null,
    createdAt: at,
  };
  const follow =
    base.unitId === null ? null : signalFollowUp(deps, base, c.unitPath, actor, at, scheme, c.goLive);
  const signal: Signal = { ...base, rectificationId: follow?.rect?.rect.id ?? null };
  const response: StoredResponse<SignalView> = {
    status: 201,
    body: signalView({ data: signal, version: 1 }),
  };
  return {
    result: { kind: 'accepted', id: signal.id, response },
    size: 3 + (signal.textKey ? 1 : 0) + (c.input.externalId ? 1 : 0) + (idem ? 1 : 0) + (follow?.size ?? 0),
    changes: [{ before: null, after: signalFacts(signal) }, ...(follow?.changes ?? [])],
    write: (tx, prefix) => {
      deps.store.write(tx, {
        type: 'signal',
        id: signal.id,
        before: null,
        data: signal,
        index: signalIndex(signal, c.unitPath, scheme),
        actor,
        at,
        ...(c.past ? { occurredAt: c.past.occurredAt, reason: c.past.note } : {}),
        action: 'signal.create',
        labelPrefix: prefix,
      });
      putMarkers(tx, prefix, signal);
      if (c.input.externalId)
        putNaturalKey(tx, `${prefix}nk`, 'signal', c.input.platform, c.input.externalId, signal.id);
      if (idem) putIdemMarker(tx, `${prefix}idem`, idem, response, deps.clock());
      follow?.write(tx, prefix);
    },
  };
}

/** The owner of a candidate's keys now (URL first), after its own create lost a race. */
async function ownerOf(deps: Deps, c: SignalCandidate): Promise<string | null> {
  const o = await markerOwners(deps, [c.keys]);
  return (
    o.byUrl.get(c.keys.canonicalUrl) ?? (c.keys.textKey ? o.byText.get(c.keys.textKey) : undefined) ?? null
  );
}

/** Resolves every candidate: accepted, duplicate (retry or repost, counted on the original), replayed. */
export async function ingestCandidates(
  deps: Deps,
  p: Principal,
  candidates: SignalCandidate[],
  idem: IdemRef | null,
): Promise<Map<number, Received<SignalView>>> {
  const scheme = await deps.scheme();
  const at = await nowIso(deps);
  const out = new Map<number, Received<SignalView>>();
  // 1. Natural keys: a later item with the key of an earlier one follows it; a stored key is a retry.
  const nkItem = (c: SignalCandidate) => keys.natural('signal', c.input.platform, c.input.externalId ?? '');
  const stored = await deps.store.itemsByKey(candidates.filter((c) => c.input.externalId).map(nkItem));
  const firstByNk = new Map<string, number>();
  const sameNkAs = new Map<number, number>();
  const live: SignalCandidate[] = [];
  for (const c of candidates) {
    const nk = nkOf(c);
    if (nk !== null && firstByNk.has(nk)) {
      sameNkAs.set(c.index, firstByNk.get(nk)!);
      continue;
    }
    if (nk !== null) {
      firstByNk.set(nk, c.index);
      const existing = stored.get(nkItem(c).pk);
      if (existing) {
        out.set(c.index, { kind: 'duplicate', id: String(existing.recordId) });
        continue;
      }
    }
    live.push(c);
  }
  // 2. Reposts of stored signals and of earlier items of the batch.
  const owners = await markerOwners(
    deps,
    live.map((c) => c.keys),
  );
  const outcomes = dedupBatch(
    live.map((c) => c.keys),
    owners,
  );
  const reposts = new Map<string, SignalCandidate[]>();
  const repostOf = (id: string, c: SignalCandidate) => reposts.set(id, [...(reposts.get(id) ?? []), c]);
  const creates: { c: SignalCandidate; write: ItemWrite<Received<SignalView>> }[] = [];
  const followers: { c: SignalCandidate; of: number }[] = [];
  live.forEach((c, i) => {
    const o = outcomes[i]!;
    if (o.status === 'accepted') creates.push({ c, write: prepareCreate(deps, p, c, at, scheme, idem) });
    else if ('existingId' in o.of) repostOf(o.of.existingId, c);
    else followers.push({ c, of: live[o.of.index]!.index });
  });
  // 3. New signals, packed into transactions; a loser of a race becomes a repost of the winner.
  const committed = await commitBatch(
    deps,
    creates.map((x) => x.write),
  );
  for (const [k, { c }] of creates.entries()) {
    const o = committed[k]!;
    if (o.ok) {
      out.set(c.index, o.result);
      continue;
    }
    if (o.failedLabels.includes('idem')) {
      const again = await replay<SignalView>(deps, idem);
      if (again) {
        out.set(c.index, { kind: 'replayed', response: again });
        continue;
      }
    }
    const nkOwner = o.failedLabels.includes('nk')
      ? await naturalOriginal(deps, 'signal', c.input.platform, c.input.externalId!)
      : null;
    if (nkOwner) out.set(c.index, { kind: 'duplicate', id: nkOwner });
    else {
      const owner = await ownerOf(deps, c);
      if (!owner) throw new TxCancelled(['ConditionalCheckFailed'], o.failedLabels);
      repostOf(owner, c);
    }
  }
  // Items of the batch that repost an item of the batch follow where it went.
  for (const { c, of } of followers) {
    const r = out.get(of);
    if (r && r.kind !== 'replayed') repostOf(r.id, c);
    else {
      const rs = [...reposts.entries()].find(([, cs]) => cs.some((x) => x.index === of));
      if (rs) repostOf(rs[0], c);
    }
  }
  // 4. Reposts, counted on their originals.
  await inPool([...reposts], REPOST_PARALLEL, async ([originalId, cs]) => {
    for (const [i, r] of await countReposts(deps, p, originalId, cs, idem, scheme, at)) out.set(i, r);
  });
  for (const [i, of] of sameNkAs) {
    const r = out.get(of);
    if (r) out.set(i, r.kind === 'accepted' ? { kind: 'duplicate', id: r.id } : r);
  }
  return out;
}

/** Originals whose reposts are counted at the same time (each original's writes stay sequential). */
const REPOST_PARALLEL = 8;

/** Reposts per transaction: the original's write, and up to 3 marker items per repost. */
const REPOSTS_PER_TX = 30;
/** Many reposts of one hot original race for its version; each round one of them wins. */
const MAX_ATTEMPTS = 40;

async function countReposts(
  deps: Deps,
  p: Principal,
  originalId: string,
  items: SignalCandidate[],
  idem: IdemRef | null,
  scheme: Scheme,
  at: string,
): Promise<Map<number, Received<SignalView>>> {
  const out = new Map<number, Received<SignalView>>();
  let pending = items;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const rec = await deps.store.get<Signal>('signal', originalId);
    if (!rec) throw new EdgeError('record.notFound', `signal ${originalId} not found`);
    const chunk = pending.slice(0, REPOSTS_PER_TX);
    const after: Signal = { ...rec.data, repostCount: rec.data.repostCount + chunk.length };
    const tx = new Tx(deps.tableName);
    deps.store.write(tx, {
      type: 'signal',
      id: originalId,
      before: rec,
      data: after,
      index: signalIndex(after, rec.unitPath ?? '', scheme),
      actor: actorOf(p),
      at,
      action: 'signal.repost',
      labelPrefix: 'orig:',
    });
    const seen = new Set<string>();
    for (const c of chunk) {
      const prefix = `r${c.index}:`;
      if (c.input.externalId)
        putNaturalKey(tx, `${prefix}nk`, 'signal', c.input.platform, c.input.externalId, originalId);
      for (const [kind, m] of [
        ['url', urlMarker(c.keys.canonicalUrl)],
        ['text', c.keys.textKey ? textMarker(c.keys.textKey) : null],
      ] as const) {
        if (m === null || seen.has(m.pk)) continue;
        seen.add(m.pk);
        registerMarker(tx, `${prefix}${kind}`, m, originalId);
      }
    }
    const response = duplicateOf(originalId);
    if (idem) putIdemMarker(tx, 'idem', idem, response, deps.clock());
    try {
      await tx.commit(deps.doc);
      for (const c of chunk) out.set(c.index, { kind: 'duplicate', id: originalId });
      pending = pending.slice(chunk.length);
    } catch (e) {
      if (!(e instanceof TxCancelled)) throw e;
      const failed = e.failedLabels();
      if (failed.includes('idem')) {
        const again = await replay<SignalView>(deps, idem);
        if (again) {
          for (const c of chunk) out.set(c.index, { kind: 'replayed', response: again });
          pending = pending.slice(chunk.length);
          continue;
        }
      }
      // A repost whose natural key was taken meanwhile was counted by that other request.
      const taken = chunk.filter((c) => failed.includes(`r${c.index}:nk`));
      for (const c of taken) {
        const id = await naturalOriginal(deps, 'signal', c.input.platform, c.input.externalId!);
        out.set(c.index, { kind: 'duplicate', id: id ?? originalId });
      }
      pending = pending.filter((c) => !taken.includes(c));
      if (taken.length === 0 && attempt >= MAX_ATTEMPTS) throw e;
      if (taken.length === 0) await backoff(attempt);
    }
  }
  return out;
}
