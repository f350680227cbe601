/**
 * RFC 9457 problem+json: the one place where failures become HTTP responses. Every code the API can
 * answer maps to its status here and nowhere else (services, store and core name codes, never statuses);
 * the body names the code and the field, never a stack trace.
 */
import type { ApiErrorCode } from '@jiandu/shared';

/** Every error code the API can answer: the core's and the edge's (shared/src/errors/). */
export type { ApiErrorCode };

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * The status of every code. The rule, applied to each:
 * - 400 malformed input: the request itself is wrong, whatever the stored state (a field's shape, a
 *   date that is no date, an unreadable file);
 * - 401 no valid credentials; 403 not allowed (role, account state, origin);
 * - 404 not found, or outside the caller's jurisdiction (the two are not told apart), whether named by the
 *   path or by a field of the body;
 * - 409 a state conflict: the record's current state or version forbids the step (already published,
 *   already assigned, invalid transition, version conflict, duplicate);
 * - 413 / 415 the body's size or type;
 * - 422 a rule refusal: a well-formed request that a rule of DESIGN §4 (or the account policy) refuses
 *   (same reviewer, quarter or month not ended, reason required, weak password …);
 * - 429 throttled or locked out; 503 the store or the identity provider is unavailable;
 * - 500 the server broke its own invariant (stored data inconsistent): never the client's doing.
 * A `Record` over the union, so a new code does not compile until it is given its status here.
 */
export const STATUS_OF: Readonly<Record<ApiErrorCode, ProblemStatus>> = {
  // malformed input
  'calendar.invalidDate': 400,
  'calendar.invalidInstant': 400,
  'calendar.invalidTimeZone': 400,
  'calendar.invalidQuarter': 400,
  'scheme.invalid': 400,
  'rectification.invalidInput': 400,
  'petition.invalidIdNumber': 400,
  'petition.invalidExtensionDays': 400,
  'ranking.invalidValue': 400,
  'signal.invalidUrl': 400,
  'funds.invalid': 400,
  'bulletin.invalidMonth': 400,
  'ledger.invalidEvent': 400,
  'aggregate.unknownUnit': 400,
  'request.invalid': 400,
  'cursor.invalid': 400,
  'import.noHeader': 400,
  'import.missingColumns': 400,
  'evidence.hashMismatch': 400,
  // credentials
  'auth.unauthenticated': 401,
  'auth.invalidCredentials': 401,
  // not allowed
  'auth.forbidden': 403,
  'auth.accountDisabled': 403,
  'auth.accountUnknown': 403,
  'auth.passwordChangeRequired': 403,
  'auth.originRequired': 403,
  'account.self': 403,
  'rectification.forbiddenRole': 403,
  'notice.reviewerInSubtree': 403,
  'petition.forbiddenRole': 403,
  'signal.forbiddenRole': 403,
  'case.forbiddenRole': 403,
  'alert.forbiddenRole': 403,
  'evidence.badSignature': 403,
  // not found / outside the jurisdiction
  'unit.notFound': 404,
  'unit.outsideJurisdiction': 404,
  'record.notFound': 404,
  'route.notFound': 404,
  'evidence.notFound': 404,
  'auth.noBuiltInIssuer': 404,
  // state conflicts
  'rectification.invalidTransition': 409,
  'rectification.extensionPending': 409,
  'rectification.noExtensionPending': 409,
  'rectification.closed': 409,
  'rectification.conflict': 409,
  'petition.invalidTransition': 409,
  'petition.extensionUsed': 409,
  'ranking.alreadyPublished': 409,
  'ranking.alreadySuperseded': 409,
  'notice.alreadyOnNotice': 409,
  'notice.notOnNotice': 409,
  'notice.alreadyDecided': 409,
  'notice.periodOver': 409,
  'notice.periodNotOver': 409,
  'notice.objectionsPending': 409,
  'signal.alreadyAssigned': 409,
  'case.invalidTransition': 409,
  'alert.invalidTransition': 409,
  'conflict.version': 409,
  'conflict.duplicate': 409,
  'idempotency.inProgress': 409,
  'delivery.notDead': 409,
  // the body's size and type
  'request.tooLarge': 413,
  'import.tooManyRows': 413,
  'evidence.sizeMismatch': 413,
  'request.unsupportedMediaType': 415,
  // rule refusals
  'access.adminRolesExclusive': 422,
  'access.noRole': 422,
  'access.adminRoleByCreate': 422,
  'account.singleSignOn': 422,
  'rectification.sameReviewer': 422,
  'rectification.reviewerIsSubmitter': 422,
  'rectification.reasonRequired': 422,
  'rectification.extensionNotLater': 422,
  'petition.extensionTooLong': 422,
  'petition.extensionTooLate': 422,
  'petition.satisfactionRequired': 422,
  'petition.reasonRequired': 422,
  'ranking.supersedesMissing': 422,
  'ranking.reasonRequired': 422,
  'ranking.quarterNotEnded': 422,
  'ranking.sanctionsOnLiveQuarter': 422,
  'notice.notConfigured': 422,
  'notice.required': 422,
  'notice.notOwnUnit': 422,
  'notice.unknownInput': 422,
  'notice.invalidValue': 400,
  'bulletin.monthNotEnded': 422,
  'case.reasonRequired': 422,
  'case.formRequired': 422,
  'password.tooShort': 422,
  'password.tooLong': 422,
  'password.common': 422,
  'password.weak': 422,
  'auth.currentPasswordWrong': 422,
  'idempotency.keyReused': 422,
  'evidence.notUploaded': 422,
  'instant.future': 422,
  'instant.beforeUnit': 422,
  'instant.notLive': 422,
  'unit.moveIntoSubtree': 422,
  'unit.moveBeforeEstablished': 422,
  'unit.moveBeforeLast': 422,
  'unit.merged': 422,
  // throttled
  'auth.throttled': 429,
  'auth.locked': 429,
  // the server's own invariants (inputs it assembled itself, its stored data)
  'unit.cycle': 500,
  'ledger.brokenChain': 500,
  'ranking.duplicateUnit': 500,
  'ranking.cardsMismatch': 500,
  internal: 500,
  // unavailable
  'auth.issuerUnavailable': 503,
  'store.unavailable': 503,
};

export const statusOf = (code: ApiErrorCode): ProblemStatus => STATUS_OF[code];

export interface Problem {
  type: string;
  title: string;
  status: ProblemStatus;
  detail?: string;
  code: ApiErrorCode;
  /** The input field the problem is about (a JSON pointer-like path). */
  field?: string;
  errors?: { field: string; message: string; code?: string }[];
  [extension: string]: unknown;
}

const TITLES: Record<ProblemStatus, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** The problem+json body of a code; its status is the table's. */
export function problem(
  code: ApiErrorCode,
  detail?: string,
  extra: { field?: string; errors?: Problem['errors']; [extension: string]: unknown } = {},
): Problem {
  const status = statusOf(code);
  // The extensions first: a detail of an error (`current`, `missing` …) never overrides the code's status.
  return {
    ...extra,
    type: `https://jiandu.example/problems/${code}`,
    title: TITLES[status],
    status,
    code,
    ...(detail ? { detail } : {}),
  };
}
