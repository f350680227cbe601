/**
 * Failures found at the service edge (auth, concurrency, idempotency, cursors, files), with stable codes.
 * A throw site names the code only: the HTTP layer (app/problem.ts) says which status it answers.
 */
import type { EdgeCode } from '@jiandu/shared';

/** The edge's codes live in the core (shared/src/errors/edge-codes.ts) so the SPA's catalogue can list them. */
export { type EdgeCode, edgeCodes } from '@jiandu/shared';

export class EdgeError extends Error {
  constructor(
    readonly code: EdgeCode,
    message: string,
    readonly opts: {
      field?: string;
      extra?: Record<string, unknown>;
      /** Response headers the answer carries (e.g. Retry-After of a 429). */
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'EdgeError';
  }
}

export const notFound = (what: string) => new EdgeError('record.notFound', `${what} not found`);
export const forbidden = (what: string) => new EdgeError('auth.forbidden', what);
