/**
 * RFC 9457 problem+json: the one place where failures become HTTP responses. Domain codes map to
 * statuses here and nowhere else; the body names the code and the field, never a stack trace.
 */
import type { ErrorCode } from '@jiandu/shared';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  /** The input field the problem is about (a JSON pointer-like path). */
  field?: string;
  errors?: { field: string; message: string; code?: string }[];
  [extension: string]: unknown;
}

const STATUS_BY_PREFIX: [RegExp, number][] = [
  [/\.forbiddenRole$/, 403],
  [/^auth\.unauthenticated$/, 401],
  [/^auth\.forbidden$/, 403],
  [/^auth\.(throttled|locked)$/, 429],
  [/^auth\.(accountDisabled|passwordChangeRequired)$/, 403],
  [/^account\.self$/, 403],
  [/^password\./, 422],
  [/\.notFound$/, 404],
  [
    /^(rectification|petition|case|alert)\.(invalidTransition|closed|extensionPending|noExtensionPending|extensionUsed)$/,
    409,
  ],
  [/^ranking\.(alreadyPublished|alreadySuperseded)$/, 409],
  [/^conflict\./, 409],
  [/^access\./, 422],
  [/^request\.tooLarge$/, 413],
  [/^request\.unsupportedMediaType$/, 415],
];

/** The HTTP status of a domain or edge error code. Everything else a client can cause is a 400/422. */
export function statusOf(code: ErrorCode | string): number {
  for (const [re, status] of STATUS_BY_PREFIX) if (re.test(code)) return status;
  if (
    /\.(sameReviewer|reviewerIsSubmitter|reasonRequired|satisfactionRequired|extensionNotLater|extensionTooLong|quarterNotEnded)$/.test(
      code,
    )
  ) {
    return 422;
  }
  return 400;
}

const TITLES: Record<number, string> = {
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

export function problem(
  status: number,
  code: string,
  detail?: string,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `https://jiandu.example/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}
