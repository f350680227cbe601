/** The central error handler: every failure becomes problem+json; nothing else leaks. */
import { isDomainError } from '@jiandu/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { $ZodError } from 'zod/v4/core';
import { InvalidToken, IssuerUnavailable } from '../auth/tokens.js';
import { BadCursor } from '../store/cursor.js';
import { TxCancelled } from '../store/tx.js';
import { EdgeError } from './edge-error.js';
import { type Problem, problem } from './problem.js';

export const PROBLEM_TYPE = 'application/problem+json';

export function problemResponse(c: Context, p: Problem): Response {
  return c.body(JSON.stringify(p), p.status, { 'content-type': PROBLEM_TYPE });
}

/** zod issues → problem+json naming the first field and listing all. */
export function zodProblem(err: $ZodError, where: 'body' | 'query' | 'param' | 'header' = 'body'): Problem {
  const errors = err.issues.slice(0, 50).map((i) => ({
    field: i.path.length ? i.path.map(String).join('/') : where,
    message: i.message,
    code: i.code,
  }));
  return problem('request.invalid', `invalid ${where}: ${errors[0]?.field}: ${errors[0]?.message}`, {
    field: errors[0]?.field,
    errors,
  });
}

export function toProblem(err: unknown): Problem {
  if (isDomainError(err)) {
    return problem(err.code, err.message, {
      ...(err.field ? { field: err.field } : {}),
      ...(err.details ?? {}),
    });
  }
  if (err instanceof EdgeError) {
    return problem(err.code, err.message, {
      ...(err.opts.field ? { field: err.opts.field } : {}),
      ...(err.opts.extra ?? {}),
    });
  }
  if (err instanceof $ZodError) return zodProblem(err);
  if (err instanceof BadCursor) return problem('cursor.invalid', err.message, { field: 'cursor' });
  if (err instanceof InvalidToken) return problem('auth.unauthenticated', `the token is ${err.reason}`);
  if (err instanceof IssuerUnavailable) return problem('auth.issuerUnavailable', err.message);
  if (err instanceof TxCancelled) {
    return problem('conflict.version', 'the record changed since it was read; reload and retry');
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return problem('request.tooLarge', 'the request body is too large');
    if (status === 415) return problem('request.unsupportedMediaType', err.message);
    // Hono's own refusals of a request (an unparsable JSON body is a 400): the request is malformed.
    if (status >= 400 && status < 500)
      return problem('request.invalid', err.message || 'malformed request', { field: 'body' });
  }
  if (isStoreUnavailable(err)) {
    return problem(
      'store.unavailable',
      'the store is not answering; retry shortly (the request was not applied, or a retry with the same key returns its result)',
    );
  }
  return problem('internal', 'an unexpected error occurred; it has been logged');
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);

/** The store did not answer (down, restarting, throttling): the client should retry, not give up. */
function isStoreUnavailable(err: unknown): boolean {
  const e = err as {
    code?: string;
    name?: string;
    $metadata?: unknown;
    $retryable?: unknown;
    cause?: unknown;
  };
  if (!e || typeof e !== 'object') return false;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (
    e.name === 'TimeoutError' ||
    e.name === 'ThrottlingException' ||
    e.name === 'ProvisionedThroughputExceededException'
  )
    return true;
  if (e.$retryable) return true;
  if (e.name === 'InternalServerError' && e.$metadata) return true;
  return e.cause !== undefined && e.cause !== err && isStoreUnavailable(e.cause);
}

export function onError(log: (e: unknown) => void) {
  return (err: unknown, c: Context): Response => {
    const p = toProblem(err);
    if (p.status >= 500) log(err);
    const res = problemResponse(c, p);
    if (err instanceof EdgeError)
      for (const [name, value] of Object.entries(err.opts.headers ?? {})) res.headers.set(name, value);
    return res;
  };
}
