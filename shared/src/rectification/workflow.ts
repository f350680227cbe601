/**
 * The rectification state machine (DESIGN §4.4):
 * assigned → in_progress → submitted → first_approved → closed (销号), reject → in_progress,
 * reopen (回头看) closed → in_progress, and deadline extensions. Pure: the time, the actor and new ids
 * are passed in. Every accepted action bumps `version` by exactly 1 (optimistic concurrency, §5).
 */
import { type Instant, isInstant } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import { canonicalJson } from '../ledger/canonical.js';
import { idSchema } from '../schemas/common.js';
import type { Rectification } from '../schemas/rectification.js';
import {
  type ParsedRectificationAction,
  type RectificationAction,
  type RectificationActionType,
  rectificationActionSchema,
  rectificationActionTypes,
} from './actions.js';
import { type Actor, guardError } from './guards.js';
import { inputError } from './input-error.js';
import { changesFor } from './transitions.js';

export interface RectificationEvent {
  action: RectificationActionType;
  /** The top-level fields the action changed (always `version`), with their old and new values. */
  before: Partial<Rectification>;
  after: Partial<Rectification>;
  reason: string | null;
}

export interface ActionResult {
  next: Rectification;
  event: RectificationEvent;
}

const NEEDS_REASON: readonly RectificationActionType[] = ['reject', 'reopen', 'requestExtension'];

function typeOf(action: unknown): RectificationActionType {
  const t = (action as { type?: unknown } | null)?.type;
  const known = rectificationActionTypes.find((k) => k === t);
  if (!known)
    throw new DomainError('rectification.invalidInput', `unknown action ${String(t)}`, { field: 'type' });
  return known;
}

function reasonOf(a: ParsedRectificationAction): string | null {
  const raw = 'reason' in a ? a.reason : null;
  const reason = raw?.trim() ? raw.trim() : null;
  if (reason === null && NEEDS_REASON.includes(a.type))
    throw new DomainError('rectification.reasonRequired', `${a.type} needs a reason`, { field: 'reason' });
  return reason;
}

function validId(id: string, field: string): string {
  const r = idSchema.safeParse(id);
  if (!r.success) throw inputError(r.error, field);
  return id;
}

function diff(before: Rectification, after: Rectification): Pick<RectificationEvent, 'before' | 'after'> {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof Rectification)[]) {
    if (canonicalJson(before[k]) === canonicalJson(after[k])) continue;
    b[k] = before[k] ?? null;
    a[k] = after[k] ?? null;
  }
  return { before: b as Partial<Rectification>, after: a as Partial<Rectification> };
}

/**
 * Applies `action` by `actor` at `at`, or throws a DomainError: first the guards (role, closed, state,
 * people, extension — see guards.ts), then the action's shape (`invalidInput`), the reason
 * (`reasonRequired`) and the requested deadline (`extensionNotLater`).
 *
 * New evidence and extension ids come from `ids.newId()`; without it they are `ev-<v>` / `ext-<v>` with
 * v the new version, unique within the record because versions never repeat.
 */
export function applyAction(
  rect: Rectification,
  action: RectificationAction,
  actor: Actor,
  at: Instant,
  ids?: { newId: () => string },
): ActionResult {
  const type = typeOf(action);
  const denied = guardError(rect, type, actor);
  if (denied) throw new DomainError(denied, `${type} refused in state ${rect.state}`, { details: { type } });
  const parsed = rectificationActionSchema.safeParse(action);
  if (!parsed.success) throw inputError(parsed.error);
  if (!isInstant(at))
    throw new DomainError('rectification.invalidInput', `not an instant: ${at}`, { field: 'at' });
  validId(actor.id, 'actor');
  const reason = reasonOf(parsed.data);
  const version = rect.version + 1;
  const changes = changesFor(rect, parsed.data, {
    by: actor.id,
    at,
    reason,
    newId: (prefix) => validId(ids ? ids.newId() : `${prefix}-${version}`, 'id'),
  });
  const next: Rectification = { ...rect, ...changes, version };
  return { next, event: { action: type, ...diff(rect, next), reason } };
}

/**
 * Optimistic concurrency (§4.4: two people change the same rectification at once, exactly one wins): the
 * API passes the version the client last saw; a stale one fails with `rectification.conflict` carrying
 * the current record, so the loser sees what won. The store's condition expression is the final judge.
 */
export function ensureVersion(current: Rectification, expectedVersion: number): void {
  if (current.version !== expectedVersion)
    throw new DomainError('rectification.conflict', `version ${expectedVersion} is stale`, {
      details: { currentVersion: current.version, current },
    });
}
