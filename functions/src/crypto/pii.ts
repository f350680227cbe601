/**
 * Envelope encryption of petitioner identity (DESIGN §6): each record gets a fresh data key that
 * encrypts the identity with AES-256-GCM; the data key is stored wrapped by a key-encryption key (a local
 * key file in development, KMS in AWS, behind this one interface). Repeat detection uses a keyed hash
 * (HMAC-SHA256 with a key of its own), so identity is never stored in clear.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SealedBlob {
  v: 1;
  /** Which key-encryption key wrapped the data key. */
  kek: string;
  /** The data key, wrapped (local: AES-256-GCM iv|tag|ct, base64; KMS: CiphertextBlob, base64). */
  wrappedKey: string;
  iv: string;
  tag: string;
  ct: string;
}

/** Wraps and unwraps data keys: the local key file or KMS. */
export interface KeyWrapper {
  readonly kekId: string;
  generateDataKey(): Promise<{ plaintext: Buffer; wrapped: string }>;
  unwrap(wrapped: string): Promise<Buffer>;
}

export interface PiiCipher {
  seal(value: unknown): Promise<SealedBlob>;
  open<T>(blob: SealedBlob): Promise<T>;
  /** Keyed hash for matching (HMAC-SHA256, hex). */
  matchKey(normalized: string): string;
}

function gcmEncrypt(key: Buffer, plaintext: Buffer): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return { iv, tag: c.getAuthTag(), ct };
}

function gcmDecrypt(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(ct), d.final()]);
}

/** The local key-encryption key: 32 random bytes in a file created on first start (0600, outside git). */
export function localKeyWrapper(kek: Buffer, kekId = 'local-kek-1'): KeyWrapper {
  return {
    kekId,
    async generateDataKey() {
      const plaintext = randomBytes(32);
      const { iv, tag, ct } = gcmEncrypt(kek, plaintext);
      return { plaintext, wrapped: Buffer.concat([iv, tag, ct]).toString('base64') };
    },
    async unwrap(wrapped) {
      const b = Buffer.from(wrapped, 'base64');
      return gcmDecrypt(kek, b.subarray(0, 12), b.subarray(12, 28), b.subarray(28));
    },
  };
}

export function createPiiCipher(wrapper: KeyWrapper, hmacKey: Buffer): PiiCipher {
  return {
    async seal(value) {
      const { plaintext, wrapped } = await wrapper.generateDataKey();
      const { iv, tag, ct } = gcmEncrypt(plaintext, Buffer.from(JSON.stringify(value), 'utf8'));
      plaintext.fill(0);
      return {
        v: 1,
        kek: wrapper.kekId,
        wrappedKey: wrapped,
        iv: iv.toString('base64'),
        tag: tag.toString('base64'),
        ct: ct.toString('base64'),
      };
    },
    async open<T>(blob: SealedBlob) {
      const key = await wrapper.unwrap(blob.wrappedKey);
      const pt = gcmDecrypt(
        key,
        Buffer.from(blob.iv, 'base64'),
        Buffer.from(blob.tag, 'base64'),
        Buffer.from(blob.ct, 'base64'),
      );
      key.fill(0);
      return JSON.parse(pt.toString('utf8')) as T;
    },
    matchKey(normalized) {
      return createHmac('sha256', hmacKey).update(normalized, 'utf8').digest('hex');
    },
  };
}

/** A 32-byte key file, created with mode 0600 on first use. */
export function loadOrCreateKeyFile(file: string): Buffer {
  if (existsSync(file)) {
    const k = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (k.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
    return k;
  }
  const k = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, k.toString('base64'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return k;
}

/** The development cipher: key files under `dir`. */
export function localPiiCipher(dir: string): PiiCipher {
  return createPiiCipher(
    localKeyWrapper(loadOrCreateKeyFile(`${dir}/pii-kek.key`)),
    loadOrCreateKeyFile(`${dir}/pii-hmac.key`),
  );
}

/** For tests: fresh random keys in memory. */
export const ephemeralPiiCipher = (): PiiCipher =>
  createPiiCipher(localKeyWrapper(randomBytes(32)), randomBytes(32));
