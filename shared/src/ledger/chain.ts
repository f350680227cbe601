/**
 * The per-record hash chain of the event ledger (DESIGN §5 storage principles): every event carries the
 * hash of the previous event of its record, and its own hash = SHA-256(prevHash ‖ canonical JSON of the
 * event without `hash`). A verify command recomputes the chains; a daily digest of all chain heads is
 * stored where it cannot be rewritten.
 */
import { DomainError } from '../errors/index.js';
import { type LedgerEvent, ledgerEventSchema } from '../schemas/event.js';
import * as z from '../zod.js';
import { canonicalJson, sha256Hex } from './canonical.js';

export type EventInput = Pick<
  LedgerEvent,
  'recordKey' | 'actorId' | 'role' | 'at' | 'action' | 'occurredAt'
> & {
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

export interface ChainHead {
  recordKey: string;
  seq: number;
  hash: string;
}

export type ChainBreak = 'hash' | 'prevHash' | 'seq' | 'recordKey';
export type ChainVerdict =
  | { ok: true; head: ChainHead | null }
  | { ok: false; recordKey: string; seq: number; reason: ChainBreak };

/**
 * The hashed members, named explicitly: storage attributes (partition keys, TTLs) that travel with a
 * stored event are not part of it and never change its hash.
 */
const HASHED = [
  'recordKey',
  'seq',
  'actorId',
  'role',
  'at',
  'action',
  'before',
  'after',
  'reason',
  'prevHash',
] as const;

/** An event without its hash, as appended: built on the first append (not at module load, not per event). */
let eventBody: z.ZodMiniObject | undefined;

export function eventHash(event: Omit<LedgerEvent, 'hash'>): string {
  const body: Record<string, unknown> = {};
  for (const k of HASHED) body[k] = event[k];
  // Hashed only where present, so every event written before migrations existed keeps its hash.
  if (event.occurredAt !== undefined) body.occurredAt = event.occurredAt;
  return sha256Hex(event.prevHash + canonicalJson(body));
}

const invalid = (field: string, message: string) =>
  new DomainError('ledger.invalidEvent', message, { field });

/** before/after as the JSON the store will hold (toJSON applied, undefined dropped), so hashes survive a reload. */
function asJson(value: unknown, field: string): unknown {
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    throw invalid(field, `${field} is not JSON`);
  }
}

/** The next event of `prev`'s record (prev = null: the record's first event, seq 1, prevHash ""). */
export function appendEvent(prev: LedgerEvent | null, input: EventInput): LedgerEvent {
  if (prev && prev.recordKey !== input.recordKey)
    throw invalid('recordKey', `${input.recordKey} does not continue the chain of ${prev.recordKey}`);
  const body: Omit<LedgerEvent, 'hash'> = {
    recordKey: input.recordKey,
    seq: prev ? prev.seq + 1 : 1,
    actorId: input.actorId,
    role: input.role,
    at: input.at,
    ...(input.occurredAt !== undefined ? { occurredAt: input.occurredAt } : {}),
    action: input.action,
    before: asJson(input.before, 'before'),
    after: asJson(input.after, 'after'),
    reason: input.reason ?? null,
    prevHash: prev ? prev.hash : '',
  };
  eventBody ??= z.omit(ledgerEventSchema, { hash: true });
  const checked = eventBody.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw invalid(issue?.path.map(String).join('/') ?? '', issue?.message ?? 'invalid event');
  }
  return { ...body, hash: eventHash(body) };
}

/** The record key most events carry (ties: the earliest), so one tampered key does not rename the chain. */
function likelyKey(events: readonly LedgerEvent[]): string {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.recordKey, (counts.get(e.recordKey) ?? 0) + 1);
  let best = events[0]?.recordKey ?? '';
  for (const [k, n] of counts) if (n > (counts.get(best) ?? 0)) best = k;
  return best;
}

function safeHash(e: LedgerEvent): string | null {
  try {
    return eventHash(e);
  } catch {
    return null;
  }
}

/**
 * Verifies the events of ONE record, in order. The first broken link is named by its position's seq
 * (1-based, what the seq should be) and the first failing check, in the order: recordKey, seq, prevHash,
 * hash. `recordKey` is the record the caller read (the partition); without it, the key most events carry.
 * An empty chain verifies, with head null.
 */
export function verifyChain(events: readonly LedgerEvent[], recordKey?: string): ChainVerdict {
  const key = recordKey ?? likelyKey(events);
  let prevHash = '';
  for (const [i, e] of events.entries()) {
    const seq = i + 1;
    const fail = (reason: ChainBreak): ChainVerdict => ({ ok: false, recordKey: key, seq, reason });
    if (e.recordKey !== key) return fail('recordKey');
    if (e.seq !== seq) return fail('seq');
    if (e.prevHash !== prevHash) return fail('prevHash');
    if (safeHash(e) !== e.hash) return fail('hash');
    prevHash = e.hash;
  }
  const last = events.at(-1);
  return { ok: true, head: last ? { recordKey: key, seq: last.seq, hash: last.hash } : null };
}

/** `verifyChain` that throws `ledger.brokenChain` (details: recordKey, seq, reason) instead. */
export function assertChain(events: readonly LedgerEvent[], recordKey?: string): ChainHead | null {
  const v = verifyChain(events, recordKey);
  if (!v.ok)
    throw new DomainError('ledger.brokenChain', `chain ${v.recordKey} broken at seq ${v.seq} (${v.reason})`, {
      details: { recordKey: v.recordKey, seq: v.seq, reason: v.reason },
    });
  return v.head;
}

/** The head (highest seq) of each record's chain among `events`, sorted by recordKey: the digest's input. */
export function chainHeads(events: readonly LedgerEvent[]): ChainHead[] {
  const heads = new Map<string, ChainHead>();
  for (const { recordKey, seq, hash } of events)
    if ((heads.get(recordKey)?.seq ?? 0) < seq) heads.set(recordKey, { recordKey, seq, hash });
  return [...heads.values()].sort((a, b) =>
    a.recordKey < b.recordKey ? -1 : a.recordKey > b.recordKey ? 1 : 0,
  );
}

/**
 * The daily digest: SHA-256 of the canonical JSON of the heads ({recordKey, seq, hash} only) sorted by
 * recordKey (UTF-16 code units, as canonical JSON sorts keys). One head per record: a duplicate key is
 * `ledger.invalidEvent`.
 */
export function digestOfHeads(heads: readonly ChainHead[]): string {
  const sorted = heads
    .map(({ recordKey, seq, hash }) => ({ recordKey, seq, hash }))
    .sort((a, b) => (a.recordKey < b.recordKey ? -1 : a.recordKey > b.recordKey ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]?.recordKey === sorted[i - 1]?.recordKey)
      throw invalid('recordKey', `two heads for ${sorted[i]?.recordKey}`);
  return sha256Hex(canonicalJson(sorted));
}
