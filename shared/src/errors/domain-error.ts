/**
 * The core fails with one error type carrying a string-literal code. Each area lists its codes in
 * `codes.ts`; the HTTP edge maps codes to statuses. Nothing in the core knows a status number.
 */
import type { ErrorCode } from './codes.js';

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** The input field the error is about, as a JSON pointer-ish path ("deadline", "items/3/unitId"). */
  readonly field: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Throws a DomainError unless `cond` holds. */
export function ensure(
  cond: unknown,
  code: ErrorCode,
  message: string,
  opts?: { field?: string; details?: Record<string, unknown> },
): asserts cond {
  if (!cond) throw new DomainError(code, message, opts);
}
