/**
 * The PII key-encryption key in AWS (DESIGN §6): KMS behind the same `KeyWrapper` interface the local
 * key file serves. GenerateDataKey gives each record a fresh AES-256 data key (plaintext + wrapped);
 * Decrypt unwraps it. The encryption context binds every wrapped key to its purpose, so a ciphertext
 * of this key made for anything else does not decrypt here (and CloudTrail shows why each call was made).
 */
import {
  DecryptCommand,
  type DecryptCommandOutput,
  GenerateDataKeyCommand,
  type GenerateDataKeyCommandOutput,
} from '@aws-sdk/client-kms';
import type { KeyWrapper } from '../crypto/pii.js';

export const PII_ENCRYPTION_CONTEXT = { purpose: 'jiandu-pii' } as const;

/** What the wrapper needs of a KMS client (a KMSClient, or a stand-in in tests). */
export interface KmsPort {
  send(command: GenerateDataKeyCommand): Promise<GenerateDataKeyCommandOutput>;
  send(command: DecryptCommand): Promise<DecryptCommandOutput>;
}

export class KmsKeyError extends Error {
  constructor(readonly code: 'kms.noDataKey' | 'kms.noPlaintext') {
    super(code);
    this.name = 'KmsKeyError';
  }
}

export function kmsKeyWrapper(kms: KmsPort, keyId: string): KeyWrapper {
  const EncryptionContext = { ...PII_ENCRYPTION_CONTEXT };
  return {
    kekId: keyId,
    async generateDataKey() {
      const r = await kms.send(
        new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext }),
      );
      if (!r.Plaintext || !r.CiphertextBlob) throw new KmsKeyError('kms.noDataKey');
      return {
        plaintext: Buffer.from(r.Plaintext),
        wrapped: Buffer.from(r.CiphertextBlob).toString('base64'),
      };
    },
    async unwrap(wrapped) {
      const r = await kms.send(
        new DecryptCommand({
          KeyId: keyId,
          CiphertextBlob: Buffer.from(wrapped, 'base64'),
          EncryptionContext,
        }),
      );
      if (!r.Plaintext) throw new KmsKeyError('kms.noPlaintext');
      return Buffer.from(r.Plaintext);
    },
  };
}
