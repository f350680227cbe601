/**
 * The local stack, assembled from the environment: DynamoDB Local on disk under DATA_DIR (heap capped,
 * telemetry off, listening on 127.0.0.1 only), the table, the built-in issuer's key and the PII keys
 * (files created on first start), and the deps the app and jobs run on. `npm start`, the CLIs and the
 * bench use it. DATA_DIR and everything under it is the owner's alone: directories 0700, files 0600
 * (digests 0400), older files' modes fixed at start.
 */

import { join, resolve } from 'node:path';
import { type Deps, makeDeps } from '../app/deps.js';
import { loadOrCreateSigningKey } from '../auth/signing-key.js';
import { createVerifier, jwksOf } from '../auth/tokens.js';
import { loadOrCreateKeyFile, localPiiCipher } from '../crypto/pii.js';
import { type Env, webhookTargetsOf } from '../env.js';
import { localEvidence } from '../evidence/local-evidence.js';
import { localDigestWriter } from '../jobs/digest-writer.js';
import { emlMailer } from '../outbox/mail.js';
import { localTable } from '../store/table.js';
import { ensureTable } from '../store/table-bootstrap.js';
import { dynamoClient } from './client.js';
import { type DynamoLocal, startDynamoLocal } from './dynamodb-local.js';
import { makePrivateDir } from './private-dir.js';

export interface LocalStack {
  deps: Deps;
  store: DynamoLocal | null;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  /** In-memory store (bench, tests) instead of DATA_DIR/dynamodb. */
  inMemory?: boolean;
  heapMb?: number;
  clock?: () => number;
  log?: (line: string) => void;
}

export async function startLocalStack(env: Env, opts: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(env.DATA_DIR);
  makePrivateDir(dataDir);
  const store = env.DYNAMODB_ENDPOINT
    ? null
    : await startDynamoLocal({
        ...(opts.inMemory ? {} : { dataDir: join(dataDir, 'dynamodb') }),
        heapMb: opts.heapMb ?? 256,
        ...(opts.log ? { log: opts.log } : {}),
      });
  const endpoint = env.DYNAMODB_ENDPOINT ?? store!.endpoint;
  const clients = dynamoClient(endpoint);
  const table = localTable(env.TABLE_NAME);
  await ensureTable(clients.client, table);
  const key = await loadOrCreateSigningKey(join(dataDir, 'keys', 'signing-key.jwk.json'));
  const cfg = { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
  const clock = opts.clock ?? (() => Date.now());
  const deps = makeDeps({
    doc: clients.doc,
    tableName: table.name,
    clock,
    verify: createVerifier({
      ...cfg,
      // Tokens are checked against the app's clock, the one that issued them (the demo seed moves it).
      now: () => Math.floor(clock() / 1000),
      // An OIDC provider's keys (given, or discovered from an http(s) issuer), else the built-in issuer's.
      jwks: env.AUTH_JWKS_URL
        ? new URL(env.AUTH_JWKS_URL)
        : /^https?:\/\//.test(env.AUTH_ISSUER)
          ? 'discover'
          : jwksOf([key]),
      rolesClaim: env.AUTH_ROLES_CLAIM,
      unitClaim: env.AUTH_UNIT_CLAIM,
      usernameClaim: env.AUTH_USERNAME_CLAIM,
      ...(env.AUTH_ROLE_MAP ? { roleMap: env.AUTH_ROLE_MAP } : {}),
    }),
    issuer: { key, cfg },
    pii: localPiiCipher(join(dataDir, 'keys')),
    cursorKey: loadOrCreateKeyFile(join(dataDir, 'keys', 'cursor-hmac.key')),
    evidence: localEvidence(
      join(dataDir, 'evidence'),
      loadOrCreateKeyFile(join(dataDir, 'keys', 'evidence-url.key')),
    ),
    mailer: emlMailer(join(dataDir, 'mail'), env.MAIL_FROM ?? 'jiandu@localhost', clock),
    webhooks: webhookTargetsOf(env),
    digests: localDigestWriter(join(dataDir, 'digests')),
  });
  return {
    deps,
    store,
    async stop() {
      clients.destroy();
      await store?.stop();
    },
  };
}
