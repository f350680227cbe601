/**
 * What each accepted action changes in the record (DESIGN §4.4). Only called after the guards and the
 * content checks have passed, so every branch here is a plain state change.
 */
import type { Instant } from '../calendar/local-date.js';
import type { Rectification } from '../schemas/rectification.js';
import type { ParsedRectificationAction } from './actions.js';
import { decideExtension, requestExtension } from './extension.js';

/**
 * A review cycle's people and times. Rejecting or reopening clears them, so every close is the work of
 * two different reviewers of the latest submission, neither of them its submitter. Earlier cycles stay
 * in the event ledger (and the latest rejection in `lastRejection`).
 */
export const NO_REVIEW = {
  submittedBy: null,
  submittedAt: null,
  firstReviewerId: null,
  firstApprovedAt: null,
  secondReviewerId: null,
  closedAt: null,
} as const satisfies Partial<Rectification>;

export interface TransitionContext {
  by: string;
  at: Instant;
  /** Trimmed reason, non-null where the action requires one. */
  reason: string | null;
  /** An id for a new evidence item or extension request. */
  newId: (prefix: 'ev' | 'ext') => string;
}

export function changesFor(
  rect: Rectification,
  a: ParsedRectificationAction,
  ctx: TransitionContext,
): Partial<Rectification> {
  const { by, at, reason } = ctx;
  switch (a.type) {
    case 'start':
      return { state: 'in_progress' };
    case 'addMeasure':
      return { measures: [...rect.measures, { at, by, text: a.text }] };
    case 'addProgress':
      return { progress: [...rect.progress, { at, by, text: a.text }] };
    case 'addEvidence': {
      const { fileName, contentType, size, sha256 } = a;
      const item = { id: ctx.newId('ev'), fileName, contentType, size, sha256, at, by };
      return { evidence: [...rect.evidence, item] };
    }
    case 'submit':
      return { state: 'submitted', submittedBy: by, submittedAt: at };
    case 'approve':
      return rect.state === 'submitted'
        ? { state: 'first_approved', firstReviewerId: by, firstApprovedAt: at }
        : { state: 'closed', secondReviewerId: by, closedAt: at };
    case 'reject':
      return { ...NO_REVIEW, state: 'in_progress', lastRejection: { by, at, reason: reason ?? '' } };
    case 'reopen':
      return { ...NO_REVIEW, state: 'in_progress' };
    case 'requestExtension':
      return requestExtension(rect, {
        id: ctx.newId('ext'),
        deadline: a.deadline,
        reason: reason ?? '',
        by,
        at,
      });
    case 'decideExtension':
      return decideExtension(rect, { approve: a.approve, reason, by, at });
  }
}
