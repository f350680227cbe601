/**
 * Failures found at the service edge (auth, concurrency, idempotency, cursors, files), with stable codes.
 * A throw site names the code only: the HTTP layer (app/problem.ts) says which status it answers.
 */
export const edgeCodes = [
  'auth.unauthenticated',
  'auth.invalidCredentials',
  'auth.forbidden',
  'auth.throttled',
  'auth.locked',
  'auth.accountDisabled',
  /** A provider's token whose username names no Jiandu account (single sign-on). */
  'auth.accountUnknown',
  'auth.passwordChangeRequired',
  'auth.currentPasswordWrong',
  /** Sign-in with the built-in issuer where there is none (an OpenID provider signs users in). */
  'auth.noBuiltInIssuer',
  'auth.issuerUnavailable',
  /** A request sent straight to API Gateway, not through CloudFront (handlers/api-handler.ts). */
  'auth.originRequired',
  'account.self',
  /** A password or roles change asked of a single sign-on account. */
  'account.singleSignOn',
  'access.adminRoleByCreate',
  'password.tooShort',
  'password.tooLong',
  'password.common',
  'password.weak',
  'record.notFound',
  'route.notFound',
  'conflict.version',
  'conflict.duplicate',
  'idempotency.keyReused',
  'idempotency.inProgress',
  'request.invalid',
  'request.tooLarge',
  'request.unsupportedMediaType',
  'cursor.invalid',
  'unit.outsideJurisdiction',
  'unit.notFound',
  'delivery.notDead',
  'evidence.notUploaded',
  'evidence.badSignature',
  'evidence.notFound',
  'evidence.sizeMismatch',
  'evidence.hashMismatch',
  'import.noHeader',
  'import.missingColumns',
  'import.tooManyRows',
  'store.unavailable',
  'internal',
] as const;

export type EdgeCode = (typeof edgeCodes)[number];

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
