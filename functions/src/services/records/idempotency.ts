/**
 * Idempotency-Key (DESIGN §5): the first request's result is stored in a marker written in the SAME
 * transaction as the records it creates, so a retry (even after a crash mid-request) finds either
 * nothing written or the marker with the first result — never half of it.
 */
import { sha256Hex } from '@jiandu/shared';
import type { DuplicateOf } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { keys } from '../../store/keys.js';
import type { Tx } from '../../store/tx.js';

export interface IdemRef {
  scope: string;
  key: string;
  /** Hash of the request body: the same key with another body is refused. */
  requestHash: string;
}

/**
 * The answer of a create, as sent and as kept for a retry: 201 with the record's view `B`, or 200 naming
 * the record a natural key already names.
 */
export type StoredResponse<B = unknown> = { status: 201; body: B } | { status: 200; body: DuplicateOf };

const KEY_RE = /^[A-Za-z0-9_.:-]{8,128}$/;
const RETENTION_S = 30 * 86_400;

/** Reads the Idempotency-Key header; absent → null, malformed → 400 naming the header. */
export function idemRef(header: string | undefined, scope: string, body: unknown): IdemRef | null {
  if (header === undefined) return null;
  if (!KEY_RE.test(header)) {
    throw new EdgeError('request.invalid', 'Idempotency-Key must be 8–128 of A–Z a–z 0–9 _ . : -', {
      field: 'Idempotency-Key',
    });
  }
  return { scope, key: header, requestHash: sha256Hex(JSON.stringify(body ?? null)) };
}

/**
 * The stored first response for this key, if any (422 when the key was used for another request). `B` is
 * the view the create of this key's scope answers: the scope names the create (`<user>:rectifications`),
 * and that create stored the marker in the same transaction as its record.
 */
export async function replay<B>(deps: Deps, ref: IdemRef | null): Promise<StoredResponse<B> | null> {
  if (!ref) return null;
  const item = await deps.store.item(keys.idempotency(ref.scope, ref.key));
  if (!item) return null;
  if (item.requestHash !== ref.requestHash) {
    throw new EdgeError('idempotency.keyReused', 'this Idempotency-Key was used for a different request', {
      field: 'Idempotency-Key',
    });
  }
  return item.response as StoredResponse<B>;
}

export function putIdemMarker(
  tx: Tx,
  label: string,
  ref: IdemRef,
  response: StoredResponse<unknown>,
  nowMs: number,
): void {
  tx.putNew(label, {
    ...keys.idempotency(ref.scope, ref.key),
    requestHash: ref.requestHash,
    response,
    ttl: Math.floor(nowMs / 1000) + RETENTION_S,
  });
}
