/**
 * A real stack for tests: a fresh table in the run's DynamoDB Local, deps with an in-memory signing key
 * and PII keys, the app, a small fictional unit tree and a user per role.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCHEME, type Role, role as role_, type Scheme, type Unit } from '@jiandu/shared';
import { expect, inject } from 'vitest';
import { apiDocument } from '../app/api-document.js';
import { type ComposedApp, createApp } from '../app/app.js';
import { type Deps, makeDeps } from '../app/deps.js';
import { generateSigningKey } from '../auth/signing-key.js';
import { createVerifier, jwksOf } from '../auth/tokens.js';
import { ephemeralPiiCipher } from '../crypto/pii.js';
import { localEvidence } from '../evidence/local-evidence.js';
import { localDigestWriter } from '../jobs/digest-writer.js';
import { dynamoClient } from '../local/client.js';
import { emlMailer } from '../outbox/mail.js';
import { createUser } from '../services/accounts/users.js';
import { createUnit } from '../services/org/org.js';
import { localTable } from '../store/table.js';
import { ensureTable } from '../store/table-bootstrap.js';
import { assertContract, type Contract, contractOf, type OpenApiDocument } from './contract.js';

let counter = 0;

/**
 * The contract of the app's OpenAPI document, made once per test process: every harness builds the same
 * app, so the document and the validators compiled from it are shared.
 */
let contract: Promise<Contract> | undefined;
export const apiContract = (): Promise<Contract> => {
  contract ??= apiDocument().then((doc) => contractOf(doc as OpenApiDocument));
  return contract;
};

export const TEST_UNITS: Unit[] = [
  ['city', '示范市', 'city', null],
  ['ds', '东山县', 'county', 'city'],
  ['ds-a', '青松镇', 'township', 'ds'],
  ['ds-b', '白石乡', 'township', 'ds'],
  ['ds-c', '红岭镇', 'township', 'ds'],
  ['ds-a-1', '柳溪村', 'village', 'ds-a'],
  ['ds-fpb', '东山县扶贫办', 'department', 'ds'],
  ['xs', '西川县', 'county', 'city'],
  ['xs-a', '龙门镇', 'township', 'xs'],
].map(([id, name, kind, parentId]) => ({
  id: id as string,
  name: name as string,
  kind: kind as Unit['kind'],
  parentId: parentId as string | null,
  code: (id as string).toUpperCase(),
  aliases: [],
}));

export interface Harness {
  deps: Deps;
  app: ComposedApp;
  /** Sign-in token of a test user: role at unit (default the county 东山县). */
  token(role: Role, unitId?: string): Promise<string>;
  /** A new sign-in of the same test user at the harness's now (tokens live 8 hours; for tests that move days). */
  freshToken(role: Role, unitId?: string): Promise<string>;
  /**
   * fetch-like call of the app with a JSON body and a token; `address` is the client address the
   * runtime would report (as @hono/node-server does), absent for an in-process call.
   */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; address?: string },
  ): Promise<Response>;
  setNow(ms: number): void;
  close(): void;
}

/**
 * The default scheme, but live intake may date records a year back (migration.liveLookbackDays): for
 * tests whose fixtures build months of history through the live endpoints to test another rule
 * (repeats, SLAs, bulletins). The look-back itself is tested on the default scheme.
 */
export const BACKDATING_SCHEME: Scheme = {
  ...DEFAULT_SCHEME,
  migration: {
    ...DEFAULT_SCHEME.migration,
    liveLookbackDays: { discoveredOn: 366, receivedAt: 366, publishedAt: 366 },
  },
};

/**
 * Logs a 督查发现 through the API as an inspector would (formalism, no amount) and returns its id: the
 * fixture of the ranking, notice and unit-move tests. The deadline lies far away by default, which keeps
 * the rectification dimension out of the quarters those tests rank.
 */
export async function logFinding(
  h: Pick<Harness, 'call'>,
  token: string,
  f: { unitId: string; severity: string; discoveredOn: string; deadline?: string },
): Promise<string> {
  const res = await h.call('POST', '/api/v1/findings', {
    token,
    body: {
      unitId: f.unitId,
      category: 'formalism',
      severity: f.severity,
      source: 'inspection',
      description: `${f.unitId} ${f.severity} ${f.discoveredOn}`,
      amountFen: 0,
      discoveredOn: f.discoveredOn,
      deadline: f.deadline ?? '2026-12-31',
    },
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`finding not logged: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/**
 * Steps of one rectification through the API, each at the version the last one answered (starting from
 * `version`), each expected to succeed.
 */
export function rectificationSteps(h: Pick<Harness, 'call'>, id: string, version: number) {
  let v = version;
  return async (token: string, action: Record<string, unknown>): Promise<void> => {
    const res = await h.call('POST', `/api/v1/rectifications/${id}/actions`, {
      token,
      body: { action, expectedVersion: v },
    });
    expect(res.status).toBe(200);
    v = ((await res.json()) as { version: number }).version;
  };
}

export async function startHarness(
  opts: {
    scheme?: Scheme;
    now?: number;
    endpoint?: string;
    tableName?: string;
    maxAttempts?: number;
    /** Another token verifier (an OIDC provider's); default the harness's own issuer. */
    verify?: Deps['verify'];
    /** The units created at start (default TEST_UNITS; [] for a test that brings its own, as the demo). */
    units?: readonly Unit[];
  } = {},
): Promise<Harness> {
  const endpoint = opts.endpoint ?? inject('dynamoEndpoint');
  const clients = dynamoClient(
    endpoint,
    opts.maxAttempts === undefined ? {} : { maxAttempts: opts.maxAttempts },
  );
  const table = localTable(opts.tableName ?? `t${process.pid}_${Date.now().toString(36)}_${counter++}`);
  await ensureTable(clients.client, table);
  const key = await generateSigningKey('test-key');
  const cfg = { issuer: 'jiandu-test', audience: 'jiandu' };
  let now = opts.now ?? Date.parse('2025-05-15T02:00:00Z');
  const evidenceDir = mkdtempSync(join(tmpdir(), 'jiandu-evidence-'));
  /** The harness's DATA_DIR for mail (.eml) and daily digests. */
  const outDir = mkdtempSync(join(tmpdir(), 'jiandu-out-'));
  const deps = makeDeps({
    doc: clients.doc,
    tableName: table.name,
    clock: () => now,
    verify: opts.verify ?? createVerifier({ ...cfg, jwks: jwksOf([key]), now: () => Math.floor(now / 1000) }),
    issuer: { key, cfg },
    scheme: opts.scheme ?? DEFAULT_SCHEME,
    pii: ephemeralPiiCipher(),
    cursorKey: randomBytes(32),
    evidence: localEvidence(evidenceDir, randomBytes(32)),
    mailer: emlMailer(join(outDir, 'mail'), 'jiandu@test.invalid', () => now),
    digests: localDigestWriter(join(outDir, 'digests')),
  });
  for (const u of opts.units ?? TEST_UNITS) await createUnit(deps, null, u);
  const app = await createApp(deps, { log: () => {} });
  const tokens = new Map<string, string>();
  const call: Harness['call'] = async (method, path, o = {}) => {
    const res = await (app.request(
      path,
      {
        method,
        headers: {
          ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...o.headers,
        },
        ...(o.body !== undefined
          ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }
          : {}),
      },
      o.address ? { incoming: { socket: { remoteAddress: o.address } } } : undefined,
    ) as Promise<Response>);
    // Every answer a test sees is held to the document: drift fails the test that sees it.
    await assertContract(await apiContract(), method, path, res);
    return res;
  };
  const displayName = async (role: Role, unitId: string) => {
    const tree = await deps.units.tree();
    return `${tree.has(unitId) ? tree.get(unitId).name : unitId}${role_.labels[role].zh}`;
  };
  const token: Harness['token'] = async (role, unitId = 'ds') => {
    const k = `${role}@${unitId}`;
    const hit = tokens.get(k);
    if (hit) return hit;
    const username = `${role}-${unitId}`;
    await createUser(deps, {
      username,
      // A person's name as a screen shows it (the unit and the role, e.g. 东山县复核人), never an id.
      name: await displayName(role, unitId),
      roles: [role],
      unitId,
      password: 'pass-word-1',
    });
    const res = await call('POST', '/api/v1/auth/sign-in', { body: { username, password: 'pass-word-1' } });
    const { token } = (await res.json()) as { token: string };
    tokens.set(k, token);
    return token;
  };
  return {
    deps,
    app,
    call,
    token,
    async freshToken(role, unitId = 'ds') {
      await token(role, unitId); // creates the user once
      const res = await call('POST', '/api/v1/auth/sign-in', {
        body: { username: `${role}-${unitId}`, password: 'pass-word-1' },
      });
      return ((await res.json()) as { token: string }).token;
    },
    setNow(ms) {
      now = ms;
    },
    close() {
      clients.destroy();
      rmSync(evidenceDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
