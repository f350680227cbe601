/**
 * A real OpenID Provider (the `oidc-provider` package) on a loopback port, for the SSO test: accounts with
 * group and unit claims (and their login name as preferred_username), a confidential client, signing keys that can be rotated, and the authorization
 * code flow (with PKCE) driven through its own login and consent pages, as a browser would.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export const CLIENT = {
  id: 'jiandu-web',
  secret: 'a-client-secret-for-tests',
  redirect: 'http://127.0.0.1/cb',
};

export type Accounts = Record<string, { name: string; groups: string[]; unit: string }>;

export async function signingKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

export interface TestProvider {
  issuer: string;
  /** Serves the provider anew with these signing keys (the first signs): a key rotation. */
  rotate(keys: JWK[]): void;
  /** Signs `account` in through the provider's pages and answers its ID token. */
  signIn(account: string): Promise<string>;
  close(): Promise<void>;
}

export async function startProvider(accounts: Accounts, keys: JWK[]): Promise<TestProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => r.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const build = (jwks: JWK[]) =>
    new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [CLIENT.redirect],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: jwks },
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'], jiandu: ['groups', 'unit'] },
      conformIdTokenClaims: false,
      cookies: { keys: ['test-cookie-key'] },
      features: { devInteractions: { enabled: true } },
      findAccount: (_ctx: unknown, id: string) =>
        accounts[id]
          ? { accountId: id, claims: () => ({ sub: id, preferred_username: id, ...accounts[id] }) }
          : undefined,
    }).callback();
  handler = build(keys);
  return {
    issuer,
    rotate(next) {
      handler = build(next);
    },
    signIn: (account) => codeFlow(issuer, account),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const b64url = (b: Buffer) => b.toString('base64url');

async function codeFlow(issuer: string, account: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  let url = `${issuer}/auth?${new URLSearchParams({
    client_id: CLIENT.id,
    response_type: 'code',
    scope: 'openid profile jiandu',
    redirect_uri: CLIENT.redirect,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: b64url(randomBytes(8)),
  })}`;
  let code: string | null = null;
  for (let step = 0; step < 12 && code === null; step++) {
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    keep(res);
    if (res.status === 200) {
      // The provider's own page: the login form, then the consent form.
      const page = await res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const form = new URLSearchParams({ prompt: prompt ?? '' });
      if (prompt === 'login') {
        form.set('login', account);
        form.set('password', 'any');
      }
      res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      keep(res);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(CLIENT.redirect)) code = next.searchParams.get('code');
    else url = next.href;
  }
  if (!code) throw new Error('no authorization code');
  const token = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CLIENT.redirect,
      code_verifier: verifier,
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
    }),
  });
  const body = (await token.json()) as { id_token?: string; error?: string };
  if (!body.id_token) throw new Error(`no id_token: ${JSON.stringify(body)}`);
  return body.id_token;
}
