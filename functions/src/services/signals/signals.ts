import { goLiveOf, onUnitAssigned, type Signal, signalFacts, signalInputSchema } from '@jiandu/shared';
import {
  type SignalListQuery,
  signalListQuerySchema,
  type TriageQuery,
  triageQuerySchema,
} from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { notFound } from '../../app/edge-error.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { partitions, ROOT_SHARD_IDS } from '../../store/keys.js';
import { RecordStore } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { listScope, readVisible, scopeOf, writableUnitPath } from '../org/jurisdiction.js';
import { commitOne } from '../records/commit.js';
import { versionConflict } from '../records/conflict.js';
import type { IdemRef, StoredResponse } from '../records/idempotency.js';
import { type BatchItemResult, batchResultOf, createOnce, validItems } from '../records/ingest.js';
import { equalsFilters, keywordOf, pageRange, pagingOf } from '../records/lists.js';
import { actorOf, assertSignalWriter, candidateOf, ingestCandidates, type ParsedSignal } from './intake.js';
import { type SignalView, signalFollowUp, signalIndex, signalView } from './records.js';

export async function createSignal(
  deps: Deps,
  p: Principal,
  input: ParsedSignal,
  idem: IdemRef | null,
): Promise<StoredResponse<SignalView>> {
  return createOnce(deps, idem, async () => {
    assertSignalWriter(p);
    const c = await candidateOf(deps, p, 0, input);
    return (await ingestCandidates(deps, p, [c], idem)).get(0)!;
  });
}

export async function ingestSignals(deps: Deps, p: Principal, raw: unknown[]): Promise<BatchItemResult[]> {
  assertSignalWriter(p);
  const results: BatchItemResult[] = new Array(raw.length);
  const candidates = await validItems(raw, signalInputSchema, results, (input, index) =>
    candidateOf(deps, p, index, input),
  );
  const resolved = await ingestCandidates(deps, p, candidates, null);
  for (const { index } of candidates) results[index] = batchResultOf(index, resolved.get(index)!);
  return results;
}

export { type SignalListQuery, signalListQuerySchema, triageQuerySchema };

export async function listSignals(deps: Deps, p: Principal, q: SignalListQuery) {
  const page = await deps.store.list<Signal>('signal', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    filters: equalsFilters({ state: q.state, severity: q.severity, polarity: q.polarity }),
    limit: q.limit,
    ...keywordOf(q),
    ...pageRange(p, q),
  });
  return { items: page.items.map(signalView), cursor: page.cursor };
}

const TRIAGE_SHARDS = ROOT_SHARD_IDS.map(partitions.triage);

export async function listTriage(deps: Deps, p: Principal, q: TriageQuery) {
  const scope = await scopeOf(deps, p);
  // The triage queue's shards merged newest first (keys.triageShard), narrowed to the caller's scope.
  const page = await deps.store.pageShards('signal', TRIAGE_SHARDS, {
    unitPathPrefix: scope,
    limit: q.limit,
    ...pagingOf(p, q),
  });
  const items: SignalView[] = page.items.map((item) => signalView(RecordStore.fromItem<Signal>(item)));
  return { items, cursor: page.cursor };
}

export async function getSignal(deps: Deps, p: Principal, id: string): Promise<SignalView> {
  return signalView(await readVisible<Signal>(deps, p, 'signal', id));
}

const conflict = (current: SignalView) => versionConflict(current, 'signal');

/**
 * A supervisor gives a triaged signal its unit (shared onUnitAssigned); a major negative one gets its
 * alert and handling rectification in the same transaction, counted from now, and the signal starts to
 * count in its unit's aggregates.
 */
export async function assignSignal(
  deps: Deps,
  p: Principal,
  id: string,
  body: { unitId: string; expectedVersion?: number | undefined },
): Promise<SignalView> {
  assertCan(p, 'signal.assign');
  const rec = await readVisible<Signal>(deps, p, 'signal', id);
  if (body.expectedVersion !== undefined && body.expectedVersion !== rec.version)
    throw conflict(signalView(rec));
  const unitPath = await writableUnitPath(deps, p, body.unitId);
  const scheme = await deps.scheme();
  const at = await nowIso(deps);
  const assigned = onUnitAssigned(rec.data, body.unitId, { role: 'supervisor', at }, scheme).signal;
  const actor = actorOf(p);
  const goLive = goLiveOf(await deps.units.tree(), body.unitId, scheme.migration);
  const follow = signalFollowUp(deps, assigned, unitPath, actor, at, scheme, goLive);
  const after: Signal = { ...assigned, rectificationId: follow.rect?.rect.id ?? assigned.rectificationId };
  const tx = new Tx(deps.tableName);
  const { stored } = deps.store.write(tx, {
    type: 'signal',
    id,
    before: rec,
    data: after,
    index: signalIndex(after, unitPath, scheme),
    actor,
    at,
    action: 'signal.assign',
  });
  follow.write(tx, 'f:');
  try {
    await commitOne(deps, tx, [
      { before: signalFacts(rec.data), after: signalFacts(after) },
      ...follow.changes,
    ]);
  } catch (e) {
    if (!(e instanceof TxCancelled)) throw e;
    const current = await deps.store.get<Signal>('signal', id);
    if (!current) throw notFound('signal');
    throw conflict(signalView(current));
  }
  return signalView(stored);
}
