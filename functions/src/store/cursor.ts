/**
 * Opaque cursors (DESIGN §7), sealed so no caller can make or move one: a cursor is the DynamoDB
 * LastEvaluatedKey as base64url JSON plus an HMAC-SHA256 over it and its binding — the list it came from
 * (the whole query: index, key condition, filters and their values, so the list, its filter and the
 * caller's jurisdiction) and the caller. A cursor of another list, another filter or another caller, a
 * forged, edited or truncated one is refused with a field-named 400 before anything reaches DynamoDB.
 * The key is one of the deployment (a key file locally, a KMS-wrapped key in the table in AWS).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export class BadCursor extends Error {
  readonly field = 'cursor';
  constructor() {
    super('the cursor is not one this API gave out for this list, filter and caller');
    this.name = 'BadCursor';
  }
}

/** What a cursor is bound to: the list's query (any JSON value that names it exactly) and the caller. */
export interface CursorBinding {
  list: unknown;
  caller: string;
}

const VERSION = 'c1';
/** A merged list's cursor holds one position per shard (16): room for sort values of ~150 characters. */
const MAX_LENGTH = 4096;
const KEY_ATTRS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);

/** JSON with object keys sorted, so the same binding always hashes the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const bindingDigest = (b: CursorBinding) =>
  createHash('sha256')
    .update(canonical({ list: b.list, caller: b.caller }), 'utf8')
    .digest('base64url');

/** A key of string attributes only, of the table's key names: nothing else is a start key of ours. */
function asStartKey(parsed: unknown): Record<string, unknown> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadCursor();
  const entries = Object.entries(parsed);
  if (entries.length === 0 || entries.length > 6) throw new BadCursor();
  for (const [k, v] of entries) {
    if (!KEY_ATTRS.has(k) || typeof v !== 'string' || v.length === 0 || v.length > 1024)
      throw new BadCursor();
  }
  return parsed as Record<string, unknown>;
}

export class CursorSeal {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('the cursor key must be at least 32 bytes');
    this.#key = Buffer.from(key);
  }

  #mac(payload: string, binding: CursorBinding): Buffer {
    return createHmac('sha256', this.#key)
      .update(`jiandu-cursor/${VERSION}\n${bindingDigest(binding)}\n${payload}`, 'utf8')
      .digest();
  }

  /** The cursor of `startKey` for this list and caller. */
  seal(startKey: Record<string, unknown>, binding: CursorBinding): string {
    const payload = Buffer.from(JSON.stringify(startKey), 'utf8').toString('base64url');
    return `${VERSION}.${payload}.${this.#mac(payload, binding).toString('base64url')}`;
  }

  /** The start key a cursor holds, if this deployment sealed it for this list and caller; else BadCursor. */
  open(cursor: string, binding: CursorBinding): Record<string, unknown> {
    return asStartKey(this.openValue(cursor, binding));
  }

  /**
   * The JSON value a cursor holds (a merged list's position in each of its partitions), if this
   * deployment sealed it for this list and caller; else BadCursor. The caller checks its shape.
   */
  openValue(cursor: string, binding: CursorBinding): unknown {
    if (cursor.length > MAX_LENGTH) throw new BadCursor();
    const parts = cursor.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) throw new BadCursor();
    const [, payload = '', mac = ''] = parts;
    if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) throw new BadCursor();
    const given = Buffer.from(mac, 'base64url');
    // Only the one spelling of the MAC (a last character differing in its unused bits is another cursor).
    if (given.toString('base64url') !== mac) throw new BadCursor();
    const expected = this.#mac(payload, binding);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BadCursor();
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new BadCursor();
    }
    return parsed;
  }
}
