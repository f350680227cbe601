import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localKeyWrapper } from '../crypto/pii.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { fakeKms } from './fake-kms.js';
import { kmsKeyWrapper } from './kms-key-wrapper.js';
import { loadPiiHmacKey, PII_HMAC_KEY } from './pii-hmac-key.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const AT = '2025-05-15T10:00:00+08:00';

describe('the PII matching key in AWS', () => {
  it('is made on the first cold start, kept only wrapped, and the same key on every later one', async () => {
    const kms = fakeKms('pii-key');
    const first = await loadPiiHmacKey(h.deps.doc, h.deps.tableName, kmsKeyWrapper(kms, 'pii-key'), AT);
    const again = await loadPiiHmacKey(h.deps.doc, h.deps.tableName, kmsKeyWrapper(kms, 'pii-key'), AT);
    expect(first).toHaveLength(32);
    expect(again.equals(first)).toBe(true);
    const { Item } = await h.deps.doc.send(
      new GetCommand({ TableName: h.deps.tableName, Key: PII_HMAC_KEY }),
    );
    expect(Item).toMatchObject({ kek: 'pii-key', createdAt: AT, wrappedKey: expect.any(String) });
    expect(Buffer.from(String(Item?.wrappedKey), 'base64').includes(first)).toBe(false);
    expect(kms.calls.map((c) => c.command)).toEqual(['GenerateDataKeyCommand', 'DecryptCommand']);
  });

  it('is one key when cold starts race: the conditional put lets one win and the others read it', async () => {
    const h2 = await startHarness();
    try {
      const wrapper = localKeyWrapper(randomBytes(32));
      const keys = await Promise.all(
        Array.from({ length: 8 }, () => loadPiiHmacKey(h2.deps.doc, h2.deps.tableName, wrapper, AT)),
      );
      for (const k of keys) expect(k.equals(keys[0]!)).toBe(true);
    } finally {
      h2.close();
    }
  });
});
