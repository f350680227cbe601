/**
 * What the app and the jobs need from the world, passed in (STYLE: ports in, adapters outside): the
 * store, a clock, an id source, the token verifier, the scheme, the unit directory and the PII cipher.
 */

import { DEFAULT_SCHEME, formatInstant, type Scheme } from '@jiandu/shared';
import { monotonicFactory } from 'ulidx';
import type { Principal } from '../auth/principal.js';
import type { SigningKey } from '../auth/signing-key.js';
import type { IssuerConfig } from '../auth/tokens.js';
import type { PiiCipher } from '../crypto/pii.js';
import type { EvidenceStore } from '../evidence/evidence-store.js';
import type { DigestWriter } from '../jobs/digest-writer.js';
import type { Mailer } from '../outbox/mail.js';
import type { Post, WebhookTargets } from '../outbox/webhooks.js';
import { UnitDirectory } from '../services/org/units.js';
import { SchemeDirectory } from '../services/schemes/directory.js';
import type { DocumentClient } from '../store/client.js';
import { CursorSeal } from '../store/cursor.js';
import { RecordStore } from '../store/record-store.js';

export interface Deps {
  doc: DocumentClient;
  tableName: string;
  store: RecordStore;
  /** Milliseconds since the epoch. */
  clock: () => number;
  newId: () => string;
  verify: (token: string) => Promise<Principal>;
  /** The built-in issuer (local only; absent when Cognito or another OIDC issuer signs tokens). */
  issuer?: { key: SigningKey; cfg: IssuerConfig };
  /** The scheme in force: the newest stored version, else the built-in (or given) one. */
  scheme: () => Promise<Scheme>;
  /** Stored scheme versions, cached (absent when a test fixes the scheme by hand). */
  schemes?: SchemeDirectory;
  units: UnitDirectory;
  pii: PiiCipher;
  /** Evidence files: S3 in AWS, a folder locally (signed URLs either way). */
  evidence: EvidenceStore;
  /** Outbox channels (functions/src/outbox): email transport and group robots; absent = not configured. */
  mailer?: Mailer;
  webhooks?: WebhookTargets & { post?: Post };
  /** Where the daily digest of chain heads is kept (functions/src/jobs/daily-digest.ts). */
  digests?: DigestWriter;
}

export interface DepsInput {
  doc: DocumentClient;
  tableName: string;
  clock?: () => number;
  newId?: () => string;
  verify: Deps['verify'];
  issuer?: Deps['issuer'];
  /** The scheme used until a version is stored (default: DEFAULT_SCHEME). */
  scheme?: Scheme;
  pii: PiiCipher;
  /** The deployment's key that signs list cursors (32 bytes: a key file locally, KMS-wrapped in AWS). */
  cursorKey: Buffer;
  evidence: EvidenceStore;
  mailer?: Mailer;
  webhooks?: Deps['webhooks'];
  digests?: DigestWriter;
}

export function makeDeps(input: DepsInput): Deps {
  const clock = input.clock ?? (() => Date.now());
  const ulid = monotonicFactory();
  const store = new RecordStore(input.doc, input.tableName, new CursorSeal(input.cursorKey));
  const schemes = new SchemeDirectory(store, input.scheme ?? DEFAULT_SCHEME, clock);
  return {
    doc: input.doc,
    tableName: input.tableName,
    store,
    clock,
    newId: input.newId ?? (() => ulid(clock())),
    verify: input.verify,
    ...(input.issuer ? { issuer: input.issuer } : {}),
    scheme: () => schemes.current(),
    schemes,
    units: new UnitDirectory(store, clock),
    pii: input.pii,
    evidence: input.evidence,
    ...(input.mailer ? { mailer: input.mailer } : {}),
    ...(input.webhooks ? { webhooks: input.webhooks } : {}),
    ...(input.digests ? { digests: input.digests } : {}),
  };
}

/** Now as an ISO instant in the scheme's zone. */
export async function nowIso(deps: Deps): Promise<string> {
  return formatInstant(deps.clock(), (await deps.scheme()).timeZone);
}
