/**
 * Opaque cursors: the DynamoDB LastEvaluatedKey as base64url JSON. A cursor that does not decode to a
 * key of string attributes is refused with a field-named 400, never passed to DynamoDB.
 */
export class BadCursor extends Error {
  readonly field = 'cursor';
  constructor() {
    super('the cursor is not one this API gave out');
    this.name = 'BadCursor';
  }
}

const KEY_ATTRS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);

export const encodeCursor = (key: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): Record<string, unknown> {
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new BadCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadCursor();
  const entries = Object.entries(parsed);
  if (entries.length === 0 || entries.length > 6) throw new BadCursor();
  for (const [k, v] of entries) {
    if (!KEY_ATTRS.has(k) || typeof v !== 'string' || v.length === 0 || v.length > 1024)
      throw new BadCursor();
  }
  return parsed as Record<string, unknown>;
}
