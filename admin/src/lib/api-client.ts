/**
 * The one API client: JSON in and out, a bearer token (API clients; the SPA's session is its HttpOnly
 * cookie, sent by the browser), and every failure turned into an `ApiError`
 * (problem+json: code, the field the server named, every field error, and `current` on a 409) or a
 * `NetworkError` (no answer: offline, or the server is down).
 */

import type { FieldError, ProblemBody } from '@jiandu/shared/api';

export type { FieldError, ProblemBody };

/**
 * What a failure carried: the server's problem+json, or part of one — a proxy's error page, or a
 * failure the client met itself (storage refusing an upload) — so every member may be missing.
 */
export type ProblemLike = Partial<ProblemBody>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly current: unknown;
  readonly problem: ProblemLike;

  constructor(status: number, problem: ProblemLike) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.code = problem.code ?? `http.${status}`;
    this.field = problem.field;
    this.current = problem.current;
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.fieldErrors = errors.length
      ? errors
      : problem.field
        ? [{ field: problem.field, message: problem.detail ?? this.code, code: this.code }]
        : [];
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/**
 * Field errors by form path: the server names fields as `a/b/0` (zod paths joined with '/'); a form
 * names them as ['a', 'b', 0]. Only the first message of each field is kept.
 */
export function fieldErrorsOf(
  err: unknown,
  text: (e: FieldError) => string = (e) => e.message,
): { name: (string | number)[]; errors: string[] }[] {
  if (!(err instanceof ApiError)) return [];
  const seen = new Map<string, string>();
  for (const e of err.fieldErrors) if (!seen.has(e.field)) seen.set(e.field, text(e));
  return [...seen].map(([field, message]) => ({
    name: field.split('/').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors: [message],
  }));
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClientConfig {
  baseUrl?: string;
  token: () => string | null;
  /** Called on 401: the session is over. */
  onUnauthenticated?: () => void;
  fetch?: typeof fetch;
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function createApiClient(config: ApiClientConfig) {
  const base = config.baseUrl ?? '';
  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    const token = config.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await (config.fetch ?? fetch)(`${base}${path}${toQueryString(opts.query)}`, {
        method,
        headers,
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new NetworkError((e as Error).message || 'network error');
    }
    const text = await res.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = { detail: text.slice(0, 200) };
      }
    }
    if (!res.ok) {
      // The session (bearer token or cookie) is over — or was never there.
      if (res.status === 401) config.onUnauthenticated?.();
      const problem = body && typeof body === 'object' ? (body as ProblemLike) : {};
      throw new ApiError(res.status, problem);
    }
    return body as T;
  }
  return {
    request,
    get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
      request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
    post: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
      request<T>('POST', path, { body, ...(headers ? { headers } : {}) }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
