/**
 * The problem+json answers (RFC 9457) every route may give, documented once: `defineRoute` adds them to
 * each operation of the OpenAPI document, so a status the API can answer is never missing from it.
 */
import { problemSchema } from '@jiandu/shared/api';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const PROBLEM_RESPONSES = {
  400: problem('Bad request (the field is named)'),
  401: problem('No valid token'),
  403: problem('Not allowed for this role'),
  404: problem('Not found (or outside your jurisdiction)'),
  409: problem('Conflict: the record changed or its state forbids the step; the current state is included'),
  413: problem('The body is too large'),
  415: problem('The body is not of a type this route takes'),
  422: problem('A rule refused it (the code says which)'),
  429: problem('Too many requests: try again after Retry-After seconds'),
  503: problem('The store is unavailable: retry with the same Idempotency-Key'),
} as const;

/** A public route (sign-in, keys) has no token to lack or role to miss. */
export const PUBLIC_PROBLEM_RESPONSES = (({ 401: _u, 403: _f, ...rest }) => rest)(PROBLEM_RESPONSES);
