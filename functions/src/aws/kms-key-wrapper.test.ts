import { randomBytes } from 'node:crypto';
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { createPiiCipher } from '../crypto/pii.js';
import { fakeKms } from './fake-kms.js';
import { kmsKeyWrapper, PII_ENCRYPTION_CONTEXT } from './kms-key-wrapper.js';

const KEY = 'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('the KMS key wrapper', () => {
  it('seals and opens petitioner identity through the PiiCipher interface, a fresh data key per record', async () => {
    const kms = fakeKms(KEY);
    const cipher = createPiiCipher(kmsKeyWrapper(kms, KEY), randomBytes(32));
    const identity = { name: '张三', phone: '13812341234', idNumber: '110101199003071234' };
    const a = await cipher.seal(identity);
    const b = await cipher.seal(identity);
    expect(a.kek).toBe(KEY);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(JSON.stringify(a)).not.toContain('13812341234');
    expect(await cipher.open(a)).toEqual(identity);
    expect(await cipher.open(b)).toEqual(identity);
  });

  it('asks KMS for AES-256 data keys of the configured key, bound to the PII purpose', async () => {
    const kms = fakeKms(KEY);
    const wrapper = kmsKeyWrapper(kms, KEY);
    const { plaintext, wrapped } = await wrapper.generateDataKey();
    expect(plaintext).toHaveLength(32);
    expect((await wrapper.unwrap(wrapped)).equals(plaintext)).toBe(true);
    expect(kms.calls).toEqual([
      { command: 'GenerateDataKeyCommand', keyId: KEY, context: PII_ENCRYPTION_CONTEXT },
      { command: 'DecryptCommand', keyId: KEY, context: PII_ENCRYPTION_CONTEXT },
    ]);
  });

  it('cannot open a data key wrapped for another purpose or by another key', async () => {
    const master = randomBytes(32);
    const kms = fakeKms(KEY, master);
    const { CiphertextBlob } = await kms.send(
      new GenerateDataKeyCommand({
        KeyId: KEY,
        KeySpec: 'AES_256',
        EncryptionContext: { purpose: 'something-else' },
      }),
    );
    const wrapper = kmsKeyWrapper(kms, KEY);
    await expect(wrapper.unwrap(Buffer.from(CiphertextBlob!).toString('base64'))).rejects.toMatchObject({
      name: 'InvalidCiphertextException',
    });
    const other = kmsKeyWrapper(fakeKms(`${KEY}-other`, master), `${KEY}-other`);
    const { wrapped } = await wrapper.generateDataKey();
    await expect(other.unwrap(wrapped)).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  });
});
