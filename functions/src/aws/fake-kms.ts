/**
 * For tests: a stand-in for KMS that behaves as GenerateDataKey and Decrypt do for one symmetric key —
 * a fresh data key per call, a ciphertext that only this key opens, and the encryption context bound
 * to it (Decrypt with another context, or for another key, fails as KMS's InvalidCiphertextException).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  type DecryptCommand,
  type DecryptCommandOutput,
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandOutput,
} from '@aws-sdk/client-kms';
import type { KmsPort } from './kms-key-wrapper.js';

export interface FakeKms extends KmsPort {
  readonly calls: { command: string; keyId?: string; context?: Record<string, string> }[];
}

const aad = (keyId: string, ctx: Record<string, string> = {}) =>
  Buffer.from(JSON.stringify([keyId, Object.entries(ctx).sort()]), 'utf8');

export function fakeKms(keyId: string, master: Buffer = randomBytes(32)): FakeKms {
  const calls: FakeKms['calls'] = [];
  const meta = { $metadata: {} };
  async function send(command: GenerateDataKeyCommand): Promise<GenerateDataKeyCommandOutput>;
  async function send(command: DecryptCommand): Promise<DecryptCommandOutput>;
  async function send(command: GenerateDataKeyCommand | DecryptCommand) {
    const { input } = command;
    calls.push({
      command: command.constructor.name,
      ...(input.KeyId ? { keyId: input.KeyId } : {}),
      ...(input.EncryptionContext ? { context: input.EncryptionContext } : {}),
    });
    if (input.KeyId !== keyId) throw Object.assign(new Error('not found'), { name: 'NotFoundException' });
    if (command instanceof GenerateDataKeyCommand) {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', master, iv).setAAD(aad(keyId, input.EncryptionContext));
      const ct = Buffer.concat([c.update(plaintext), c.final()]);
      const blob = Buffer.concat([iv, c.getAuthTag(), ct]);
      return {
        ...meta,
        KeyId: keyId,
        Plaintext: new Uint8Array(plaintext),
        CiphertextBlob: new Uint8Array(blob),
      };
    }
    const blob = Buffer.from(command.input.CiphertextBlob ?? new Uint8Array());
    try {
      const d = createDecipheriv('aes-256-gcm', master, blob.subarray(0, 12)).setAAD(
        aad(keyId, input.EncryptionContext),
      );
      d.setAuthTag(blob.subarray(12, 28));
      const pt = Buffer.concat([d.update(blob.subarray(28)), d.final()]);
      return { ...meta, KeyId: keyId, Plaintext: new Uint8Array(pt) };
    } catch {
      throw Object.assign(new Error('invalid ciphertext'), { name: 'InvalidCiphertextException' });
    }
  }
  return { calls, send };
}
