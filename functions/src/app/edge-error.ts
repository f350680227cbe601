/** Failures found at the service edge (auth, concurrency, idempotency, cursors), with stable codes. */
export type EdgeCode =
  | 'auth.unauthenticated'
  | 'auth.invalidCredentials'
  | 'auth.forbidden'
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
    readonly opts: { field?: string; status?: number; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'EdgeError';
  }
}

export const notFound = (what: string) => new EdgeError('record.notFound', `${what} not found`);
export const forbidden = (what: string) => new EdgeError('auth.forbidden', what);
