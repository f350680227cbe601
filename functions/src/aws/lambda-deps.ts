/**
 * The deps of the app and the jobs in Lambda, from the parsed environment: DynamoDB and KMS through the
 * runtime's AWS SDK (credentials and region from the function's role), PII sealed with KMS data keys,
 * and — for the HTTP API only — a token verifier (jwt-verifier.ts; the built-in issuer is not used in
 * AWS). Jobs verify no token, so their bundles carry no JWT library. Built on the first invocation.
 */

import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { type Deps, makeDeps } from '../app/deps.js';
import { createPiiCipher, type PiiCipher } from '../crypto/pii.js';
import { type AwsEnv, webhookTargetsOf } from '../env.js';
import { type EvidenceStore, lazyEvidence } from '../evidence/evidence-store.js';
import type { Mailer } from '../outbox/mail.js';
import { awsDocumentClient, type DocumentClient } from '../store/client.js';
import { type KmsPort, kmsKeyWrapper } from './kms-key-wrapper.js';
import { loadCursorKey, loadPiiHmacKey } from './pii-hmac-key.js';

export interface LambdaDepsOptions {
  /** The token verifier (the HTTP API); without one every token is refused. */
  verify?: Deps['verify'];
  /** A document client of another endpoint (tests: DynamoDB Local). */
  doc?: DocumentClient;
  kms?: KmsPort;
  /** Evidence storage of another kind (tests: a local folder). */
  evidence?: EvidenceStore;
  /** Email of the outbox (the functions that notify pass theirs, aws/notify-deps.ts). */
  mailer?: Mailer;
  /**
   * Whether the function reads petitioner PII (default true). Without, the PII key is never asked for —
   * the function's role has no grant on it — and any use of deps.pii fails.
   */
  pii?: boolean;
  clock?: () => number;
}

/** A function without PII access: its role may not use the PII key, so nothing here tries. */
const noPii: PiiCipher = {
  seal: () => Promise.reject(new Error('this function has no access to PII')),
  open: () => Promise.reject(new Error('this function has no access to PII')),
  matchKey: () => {
    throw new Error('this function has no access to PII');
  },
};

/** Jobs serve no HTTP: nothing asks them to verify a token. */
const refuse: Deps['verify'] = () => Promise.reject(new Error('this function verifies no tokens'));

export async function lambdaDeps(env: AwsEnv, options: LambdaDepsOptions = {}): Promise<Deps> {
  const doc = options.doc ?? awsDocumentClient();
  const clock = options.clock ?? (() => Date.now());
  let pii: PiiCipher = noPii;
  // The cursor key is KMS-wrapped like the PII matching key. A function without PII access (a job) hands
  // out no cursor — it pages only inside one invocation — so a key of its own execution environment does.
  let cursorKey: Buffer = randomBytes(32);
  if (options.pii ?? true) {
    const wrapper = kmsKeyWrapper(options.kms ?? new KMSClient({}), env.PII_KMS_KEY_ID);
    const createdAt = new Date(clock()).toISOString();
    const [hmacKey, sealedCursorKey] = await Promise.all([
      loadPiiHmacKey(doc, env.TABLE_NAME, wrapper, createdAt),
      loadCursorKey(doc, env.TABLE_NAME, wrapper, createdAt),
    ]);
    pii = createPiiCipher(wrapper, hmacKey);
    cursorKey = sealedCursorKey;
  }
  return makeDeps({
    doc,
    tableName: env.TABLE_NAME,
    clock,
    verify: options.verify ?? refuse,
    pii,
    cursorKey,
    evidence: options.evidence ?? s3EvidenceOf(env.EVIDENCE_BUCKET),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    webhooks: webhookTargetsOf(env),
  });
}

/** The evidence bucket through S3, loaded on first use; a function without a bucket (a job) has none. */
function s3EvidenceOf(bucket: string | undefined): EvidenceStore {
  return lazyEvidence(async () => {
    if (!bucket) throw new Error('this function has no evidence bucket (EVIDENCE_BUCKET)');
    const [{ S3Client }, { s3Evidence }] = await Promise.all([
      import('@aws-sdk/client-s3'),
      import('../evidence/s3-evidence.js'),
    ]);
    return s3Evidence(new S3Client({}), bucket);
  });
}

/**
 * A value made once per execution environment; a failed attempt (a throttled KMS call at a cold start)
 * is not kept, so the next invocation tries again.
 */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
}
