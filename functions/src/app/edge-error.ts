/** Failures found at the service edge (auth, concurrency, idempotency, cursors), with stable codes. */
export type EdgeCode =
  | 'auth.unauthenticated'
  | 'auth.invalidCredentials'
  | 'auth.forbidden'
  | 'auth.throttled'
  | 'auth.locked'
  | 'auth.accountDisabled'
  | 'auth.passwordChangeRequired'
  | 'auth.currentPasswordWrong'
  | 'account.self'
  | 'access.adminRoleByCreate'
  | 'password.tooShort'
  | 'password.tooLong'
  | 'password.common'
  | 'password.weak'
  | 'record.notFound'
  | 'conflict.version'
  | 'conflict.duplicate'
  | 'idempotency.keyReused'
  | 'idempotency.inProgress'
  | 'request.invalid'
  | 'request.tooLarge'
  | 'request.unsupportedMediaType'
  | 'cursor.invalid'
  | 'unit.outsideJurisdiction'
  | 'unit.notFound'
  | 'delivery.notDead'
  | 'evidence.notUploaded'
  | 'import.noHeader'
  | 'import.missingColumns'
  | 'import.tooManyRows';

export class EdgeError extends Error {
  constructor(
    readonly code: EdgeCode,
    message: string,
    readonly opts: {
      field?: string;
      status?: number;
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
