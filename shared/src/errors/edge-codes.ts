/**
 * Failures found at the service edge (auth, concurrency, idempotency, cursors, files), with stable codes.
 * They are thrown in functions/ (app/edge-error.ts); they live here, beside the core's codes, because the
 * SPA's message catalogue (admin/src/i18n) must name a message for every code the API can answer.
 */
import { errorCodes } from './codes.js';

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

/** Every error code the API can answer: the core's and the edge's. */
export const apiErrorCodes = [...errorCodes, ...edgeCodes] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];
