/**
 * Calls the API as the demo's users. Tokens come from the built-in issuer directly (the seed holds its
 * key), signed at the seed clock's time, so a year and a half of activity needs no password hashing.
 * Every answer the demo did not expect is tallied by route and code, so the seed can say what the API
 * refused (a rule the plan broke, or a bug) instead of failing silently.
 */
import type { ApiApp } from '../app/app.js';
import type { Deps } from '../app/deps.js';
import { issueToken } from '../auth/tokens.js';
import type { PublicUser } from '../services/accounts/users.js';

export interface Refusal {
  count: number;
  example: string;
}

export class ApiClient {
  constructor(
    private readonly app: ApiApp,
    private readonly deps: Deps,
    private readonly users: ReadonlyMap<string, PublicUser>,
  ) {}
  private tokens = new Map<string, string>();
  /** Unexpected answers by "METHOD /route → status code". */
  readonly refused = new Map<string, Refusal>();

  async signIn(username: string): Promise<string> {
    const key = `${username}@${Math.floor(this.deps.clock() / 3_600_000)}`;
    const hit = this.tokens.get(key);
    if (hit) return hit;
    const u = this.users.get(username);
    if (!u || !this.deps.issuer) throw new Error(`no demo user ${username}`);
    const { token } = await issueToken(
      this.deps.issuer.key,
      this.deps.issuer.cfg,
      { id: u.id, name: u.name, roles: u.roles, unitId: u.unitId },
      Math.floor(this.deps.clock() / 1000),
    );
    this.tokens.set(key, token);
    return token;
  }

  async send<T = unknown>(
    user: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const r = await this.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${await this.signIn(user)}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Uploads a file as the SPA does (multipart, field `file`); tallies any status but 200. */
  async upload<T = unknown>(
    user: string,
    path: string,
    bytes: Uint8Array,
    fileName: string,
  ): Promise<{ status: number; body: T; ok: boolean }> {
    const form = new FormData();
    form.append('file', new File([Buffer.from(bytes)], fileName));
    const r = await this.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${await this.signIn(user)}` },
      body: form,
    });
    const text = await r.text();
    const body = (text ? JSON.parse(text) : null) as T;
    if (r.status !== 200) this.tally('POST', path, r.status, body);
    return { status: r.status, body, ok: r.status === 200 };
  }

  /** Sends, and tallies any status outside `ok`. */
  async call<T = unknown>(
    user: string,
    method: string,
    path: string,
    body?: unknown,
    ok: readonly number[] = [200, 201],
  ): Promise<{ status: number; body: T; ok: boolean }> {
    const res = await this.send<T>(user, method, path, body);
    const fine = ok.includes(res.status);
    if (!fine) this.tally(method, path, res.status, res.body);
    return { ...res, ok: fine };
  }

  /**
   * A new version of the current scheme, as the administrator saves one: `change` gets the current
   * scheme and returns the fields that differ.
   */
  async amendScheme(
    change: (current: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<{ status: number; ok: boolean }> {
    const scheme = (
      await this.call<Record<string, unknown> & { version: number }>(
        'admin',
        'GET',
        '/api/v1/schemes/current',
      )
    ).body;
    return this.call('admin', 'POST', '/api/v1/schemes', {
      ...scheme,
      ...change(scheme),
      version: scheme.version + 1,
    });
  }

  tally(method: string, path: string, status: number, body: unknown): void {
    const route = path.replace(/\/[0-9A-HJKMNP-TV-Z]{26}(?=\/|$)/g, '/{id}').replace(/\?.*$/, '');
    const code = (body as { code?: string } | null)?.code ?? '';
    const key = `${method} ${route} → ${status} ${code}`.trim();
    const hit = this.refused.get(key);
    if (hit) hit.count++;
    else this.refused.set(key, { count: 1, example: JSON.stringify(body).slice(0, 300) });
  }
}
