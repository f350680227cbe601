/**
 * What every created or ingested record shares (findings, petitions, signals, rectifications,
 * indicators): one create answered once per Idempotency-Key (DESIGN §5), a known natural key (source +
 * externalId) answered with its original, and a batch validated and answered item by item.
 */
import type { RecordChange } from '@jiandu/shared';
import { isDomainError } from '@jiandu/shared';
import type { BatchItemResult } from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import type { Deps } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import type { RecordType } from '../../store/keys.js';
import type { Tx } from '../../store/tx.js';
import { commitOne } from './commit.js';
import { type IdemRef, putIdemMarker, replay, type StoredResponse } from './idempotency.js';
import { naturalOriginal } from './natural-keys.js';

export type { BatchItemResult };

/** How one item was received: created, a duplicate of a stored record, or the first result of a retry. */
export type Received<B = unknown> =
  | { kind: 'accepted'; id: string; response: StoredResponse<B> }
  | { kind: 'duplicate'; id: string }
  | { kind: 'replayed'; response: StoredResponse<B> };

/** The answer to a create that turned out to be a duplicate: 200 with the original's id. */
export const duplicateOf = (id: string): StoredResponse<never> => ({
  status: 200,
  body: { duplicateOf: id },
});

/** The answer to a single create. */
export const responseOf = <B>(r: Received<B>): StoredResponse<B> =>
  r.kind === 'duplicate' ? duplicateOf(r.id) : r.response;

/** The answer of a received batch item. */
export const batchResultOf = <B>(index: number, r: Received<B>): BatchItemResult =>
  r.kind === 'duplicate'
    ? { index, status: 'duplicate', id: r.id }
    : { index, status: 'accepted', id: r.kind === 'accepted' ? r.id : '' };

/** A retry of the Idempotency-Key gets the first result; otherwise the item is received. */
export async function createOnce<B>(
  deps: Deps,
  idem: IdemRef | null,
  receive: () => Promise<Received<B>>,
): Promise<StoredResponse<B>> {
  return (await replay<B>(deps, idem)) ?? responseOf(await receive());
}

/** The natural key of a record to create (null: it has no externalId). */
export interface NaturalKey {
  type: RecordType;
  source: string;
  externalId: string;
}

export const naturalKeyOf = (
  type: RecordType,
  source: string,
  externalId: string | null | undefined,
): NaturalKey | null => (externalId ? { type, source, externalId } : null);

/** 200 with the original when the natural key is taken already; null otherwise. */
export async function naturalDuplicate(
  deps: Deps,
  nk: NaturalKey | null,
): Promise<StoredResponse<never> | null> {
  const existing = nk ? await naturalOriginal(deps, nk.type, nk.source, nk.externalId) : null;
  return existing ? duplicateOf(existing) : null;
}

/**
 * Commits a create with its Idempotency-Key marker in the same transaction. When the transaction is
 * refused, a concurrent request may have won it: the same key then answers its first result, the same
 * natural key its original; anything else is thrown.
 */
export async function commitCreate<B>(
  deps: Deps,
  tx: Tx,
  changes: RecordChange[],
  response: StoredResponse<B>,
  idem: IdemRef | null,
  nk: NaturalKey | null,
): Promise<StoredResponse<B>> {
  if (idem) putIdemMarker(tx, 'idem', idem, response, deps.clock());
  try {
    await commitOne(deps, tx, changes);
  } catch (e) {
    const again = (await replay<B>(deps, idem)) ?? (await naturalDuplicate(deps, nk));
    if (again) return again;
    throw e;
  }
  return response;
}

/** The answer of a batch item that could not be received (a rule or the schema refused it). */
export function rejectionOf(e: unknown): { field: string; reason: string; code: string } | null {
  if (isDomainError(e)) return { field: e.field ?? '', reason: e.message, code: e.code };
  if (e instanceof EdgeError) return { field: e.opts.field ?? '', reason: e.message, code: e.code };
  return null;
}

/**
 * The items of a batch that pass the schema and `check` (in order; `check` may throw a rule's error).
 * Every other item is answered `rejected` in `results`, naming the field: the schema's first issue, or
 * the rule's error.
 */
export async function validItems<S extends z.ZodMiniType, T>(
  raw: readonly unknown[],
  schema: S,
  results: BatchItemResult[],
  check: (data: z.output<S>, index: number) => Promise<T>,
): Promise<T[]> {
  const valid: T[] = [];
  for (let i = 0; i < raw.length; i++) {
    const parsed = schema.safeParse(raw[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      results[i] = {
        index: i,
        status: 'rejected',
        field: issue.path.join('/'),
        reason: issue.message,
        code: 'request.invalid',
      };
      continue;
    }
    try {
      valid.push(await check(parsed.data, i));
    } catch (e) {
      const r = rejectionOf(e);
      if (!r) throw e;
      results[i] = { index: i, status: 'rejected', ...r };
    }
  }
  return valid;
}
