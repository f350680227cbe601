/**
 * The real local stack for the browser tests: a fresh table in the run's DynamoDB Local (vitest
 * globalSetup), the app with the test harness's small fictional unit tree, the built admin SPA
 * (a copy of admin/dist, taken at the start) mounted as `npm start` mounts it, served on 127.0.0.1 and a
 * free port.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { mountStatic } from '@jiandu/functions/local';
import { apiContract, ContractError, type Harness, startHarness } from '@jiandu/functions/testing';
import type { Role } from '@jiandu/shared';

export const ADMIN_DIST = resolve(import.meta.dirname, '../../../admin/dist');
export const PASSWORD = 'pass-word-1';

/** The sign-in response: the token (the session cookie's value; API calls send it as a bearer) and the profile the SPA keeps. */
export interface SignedIn {
  token: string;
  expiresAt: number;
  user: { id: string; name: string; roles: Role[]; unitId: string };
}

export interface BrowserStack {
  h: Harness;
  base: string;
  /** Creates (once) the user `${role}-${unitId}` and signs it in through the API. */
  user(role: Role, unitId?: string): Promise<{ username: string; session: SignedIn }>;
  /** An API call as that user; JSON in, JSON out. */
  api<T = unknown>(
    who: SignedIn,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** Every /api/ answer the server gave that broke the OpenAPI document (the page's requests included). */
  contractProblems: string[];
  /** Stops the server; then fails (a ContractError) if any answer broke the contract. */
  stop(): Promise<void>;
}

export async function startBrowserStack(): Promise<BrowserStack> {
  // The clock stands at the real time the suite starts: the SPA compares token expiry with the browser's.
  const h = await startHarness({ now: Date.now() });
  // Served from a copy: a rebuild of admin/dist during the run (vite empties it and writes new chunk
  // names) would otherwise leave the open pages asking for chunks that are gone.
  const dist = join(mkdtempSync(join(tmpdir(), 'jiandu-spa-')), 'dist');
  cpSync(ADMIN_DIST, dist, { recursive: true });
  mountStatic(h.app, dist);
  // Every answer the page receives from /api/ is held to the OpenAPI document, as the route tests' are;
  // a mismatch does not break the page mid-test, it fails the suite when the stack stops.
  const contractProblems: string[] = [];
  const contract = await apiContract();
  const fetch = async (req: Request): Promise<Response> => {
    const res = await h.app.fetch(req);
    const { pathname } = new URL(req.url);
    if (pathname.startsWith('/api/'))
      contractProblems.push(...(await contract.checkResponse(req.method, pathname, res)));
    return res;
  };
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok, fail) => {
    if (server.listening) ok();
    server.once('listening', () => ok());
    server.once('error', fail);
  });
  const { port } = server.address() as AddressInfo;
  const sessions = new Map<string, SignedIn>();
  return {
    h,
    base: `http://127.0.0.1:${port}`,
    async user(role, unitId = 'ds') {
      await h.token(role, unitId);
      const username = `${role}-${unitId}`;
      let session = sessions.get(username);
      if (!session) {
        const r = await h.call('POST', '/api/v1/auth/sign-in', { body: { username, password: PASSWORD } });
        session = (await r.json()) as SignedIn;
        sessions.set(username, session);
      }
      return { username, session };
    },
    async api(who, method, path, body) {
      const r = await h.call(method, path, {
        token: who.token,
        ...(body === undefined ? {} : { body }),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as never };
    },
    contractProblems,
    async stop() {
      await new Promise<void>((r) => server.close(() => r()));
      h.close();
      rmSync(resolve(dist, '..'), { recursive: true, force: true });
      if (contractProblems.length > 0) throw new ContractError([...new Set(contractProblems)]);
    },
  };
}
