/**
 * Rectifications (整改, DESIGN §4.4) through the API: assign one, read it with what the caller may do,
 * list them, and apply the core's workflow actions. Every action is one transaction: the state item
 * (conditioned on the version the client saw), the chained event, and the aggregate deltas of the
 * change — the loser of a race gets 409 with the current state (§4.4, STYLE).
 */
import {
  applyAction,
  DomainError,
  isDomainError,
  newRectification,
  nextHorizon,
  type Rectification,
  type RectificationAction,
  type RectificationInput,
  rectificationFacts,
  roleFor,
} from '@jiandu/shared';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError, notFound } from '../../app/edge-error.js';
import { actingRole, type Principal } from '../../auth/principal.js';
import { evidenceOwner } from '../../evidence/evidence-store.js';
import { addToOutbox, rectificationNotification } from '../../outbox/notification.js';
import type { RecordType } from '../../store/keys.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { assertVisible, isVisible, writableUnitPath } from '../org/jurisdiction.js';
import { commitOne } from '../records/commit.js';
import { type IdemRef, replay, type StoredResponse } from '../records/idempotency.js';
import { commitCreate, naturalDuplicate, naturalKeyOf } from '../records/ingest.js';
import { rectificationCreation } from './create.js';
import { rectificationIndex } from './index.js';
import {
  type RectificationView,
  readRectification,
  type StoredRectification,
  today,
  viewOf,
} from './read.js';

export { listRectifications, type RectificationListQuery } from './list.js';

/** Source kinds that name a stored record: the record must exist in the caller's jurisdiction. */
const SOURCE_TYPES: Partial<Record<RectificationInput['source']['kind'], RecordType>> = {
  finding: 'finding',
  petition: 'petition',
  signal: 'signal',
};

async function checkSource(deps: Deps, p: Principal, source: RectificationInput['source']): Promise<void> {
  const type = SOURCE_TYPES[source.kind];
  if (!type || source.id === null) return;
  const rec = await deps.store.get(type, source.id);
  if (!rec || !(await isVisible(deps, p, rec.unitPath))) {
    throw new EdgeError('record.notFound', `no ${type} ${source.id} in your jurisdiction`, {
      field: 'source/id',
    });
  }
}

/** Assigns a rectification (→ `assigned`); Idempotency-Key and source + externalId make retries no-ops. */
export async function createRectification(
  deps: Deps,
  p: Principal,
  input: RectificationInput,
  idem: IdemRef | null,
): Promise<StoredResponse<RectificationView>> {
  const first = await replay<RectificationView>(deps, idem);
  if (first) return first;
  const role = actingRole(p, 'rectification.assign');
  const unitPath = await writableUnitPath(deps, p, input.unitId);
  await checkSource(deps, p, input.source);
  const nk = naturalKeyOf('rectification', input.source.kind, input.externalId);
  const dup = await naturalDuplicate(deps, nk);
  if (dup) return dup;
  const at = await nowIso(deps);
  const rect = newRectification(input, { id: deps.newId(), at, by: p.id });
  const created = rectificationCreation(deps, rect, {
    unitPath,
    todayLocal: await today(deps),
    actor: { id: p.id, role },
    at,
    action: 'rectification.create',
    notify: true,
    naturalKey: nk,
  });
  const tx = new Tx(deps.tableName);
  created.write(tx, '');
  const response: StoredResponse<RectificationView> = { status: 201, body: await viewOf(deps, p, rect) };
  return commitCreate(deps, tx, created.changes, response, idem, nk);
}

/** The record inside the caller's jurisdiction (404 outside it, as if missing). */
async function visible(deps: Deps, p: Principal, id: string): Promise<StoredRectification> {
  const cur = await readRectification(deps, id);
  if (!cur) throw notFound('rectification');
  await assertVisible(deps, p, cur.stored.unitPath, 'rectification');
  return cur;
}

export async function getRectification(deps: Deps, p: Principal, id: string): Promise<RectificationView> {
  return viewOf(deps, p, (await visible(deps, p, id)).stored.data);
}

/** 409 `conflict.version` carrying the current state, as the caller may see it. */
async function conflict(deps: Deps, p: Principal, id: string, expected: number): Promise<EdgeError> {
  const cur = await readRectification(deps, id);
  const current = cur ? await viewOf(deps, p, cur.stored.data) : null;
  return new EdgeError(
    'conflict.version',
    `the rectification changed: you sent version ${expected}, the current one is ${current?.version}`,
    { extra: { current } },
  );
}

/** Refusals that depend on the record's state: the answer carries the state it was refused in. */
const STATE_REFUSALS = new Set([
  'rectification.invalidTransition',
  'rectification.closed',
  'rectification.extensionPending',
  'rectification.noExtensionPending',
]);

/** Attempts of one action when the only thing that changed under it was the horizon (not the record). */
const ATTEMPTS = 3;

/**
 * Applies one workflow action by the caller to the version they saw. A stale version, or a write that
 * loses the race to another one, answers 409 with the current record; domain refusals keep their codes.
 */
export async function actOnRectification(
  deps: Deps,
  p: Principal,
  id: string,
  action: RectificationAction,
  expectedVersion: number,
): Promise<RectificationView> {
  for (let attempt = 1; ; attempt++) {
    const cur = await visible(deps, p, id);
    // The client's version is the record's; the write is conditioned on the state item's (which the
    // horizon advance also moves), so nothing between this read and the write is overwritten.
    if (cur.stored.data.version !== expectedVersion) throw await conflict(deps, p, id, expectedVersion);
    // An evidence entry names bytes the caller uploaded themself (proof of possession): only the caller's
    // own folder is looked in, so another county's file of the same hash is neither attached nor revealed.
    if (
      attempt === 1 &&
      action.type === 'addEvidence' &&
      !(await deps.evidence.has({ owner: evidenceOwner(p.id), sha256: action.sha256 }, action.size))
    ) {
      throw new EdgeError('evidence.notUploaded', 'upload the file first (POST /api/v1/evidence/uploads)', {
        field: 'action/sha256',
      });
    }
    const done = await tryAction(deps, p, cur, action);
    if (done) return done;
    if (attempt >= ATTEMPTS) throw await conflict(deps, p, id, expectedVersion);
  }
}

/** One attempt: the view after the write, or null when the write lost its condition. */
async function tryAction(
  deps: Deps,
  p: Principal,
  cur: StoredRectification,
  action: RectificationAction,
): Promise<RectificationView | null> {
  const before = cur.stored;
  const at = await nowIso(deps);
  let result: ReturnType<typeof applyAction>;
  try {
    result = applyAction(before.data, action, p, at, { newId: deps.newId });
  } catch (e) {
    if (isDomainError(e) && STATE_REFUSALS.has(e.code)) {
      throw new DomainError(e.code, e.message, {
        ...(e.field ? { field: e.field } : {}),
        details: { ...e.details, current: await viewOf(deps, p, before.data) },
      });
    }
    throw e;
  }
  const { next, event } = result;
  // Every write moves the horizon (shared nextHorizon): a record closed while the daily advance had not
  // yet run still counts the quarter ends it was open and overdue at.
  const horizon = nextHorizon(cur.horizon, await today(deps));
  const moved = horizon !== cur.horizon;
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'rectification',
    id: before.id,
    before,
    data: next,
    index: rectificationIndex(next, before.unitPath ?? '', horizon),
    actor: { id: p.id, role: roleFor(event.action, p)! },
    at,
    action: `rectification.${event.action}`,
    reason: event.reason,
    eventBefore: { ...event.before, ...(moved ? { horizon: cur.horizon } : {}) },
    eventAfter: { ...event.after, ...(moved ? { horizon } : {}) },
  });
  const step = event.action === 'submit' ? 'submitted' : event.action === 'reject' ? 'rejected' : null;
  if (step)
    addToOutbox(
      tx,
      rectificationNotification(next, step, `${before.id}-${before.version + 1}`, at, event.reason),
    );
  try {
    await commitOne(deps, tx, [
      { before: rectificationFacts(before.data, cur.horizon), after: rectificationFacts(next, horizon) },
    ]);
  } catch (e) {
    if (e instanceof TxCancelled) return null;
    throw e;
  }
  return viewOf(deps, p, next);
}

export type { Rectification };
