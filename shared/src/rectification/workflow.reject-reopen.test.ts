import { describe, expect, it } from 'vitest';
import {
  codeOf,
  fresh,
  inspector,
  officer,
  officerReviewer,
  reviewerA,
  reviewerB,
  reviewerC,
  run,
  supervisor,
  toClosed,
  toFirstApproved,
  toSubmitted,
  viewer,
} from './test-fixtures.js';
import { applyAction } from './workflow.js';

const AT = '2025-03-20T10:00:00+08:00';

describe('rejecting', () => {
  it('returns a submitted rectification to in_progress with the reason and clears the submission', () => {
    const { next, event } = applyAction(
      run(fresh(), toSubmitted),
      { type: 'reject', reason: ' 证据不足 ' },
      reviewerA,
      AT,
    );
    expect(next.state).toBe('in_progress');
    expect(next.lastRejection).toEqual({ by: reviewerA.id, at: AT, reason: '证据不足' });
    expect([next.submittedBy, next.submittedAt]).toEqual([null, null]);
    expect(event.reason).toBe('证据不足');
  });

  it('needs a reason', () => {
    const r = run(fresh(), toSubmitted);
    for (const reason of [undefined, null, '', '   '])
      expect(codeOf(() => applyAction(r, { type: 'reject', reason }, reviewerA, AT))).toBe(
        'rectification.reasonRequired',
      );
  });

  it('refuses a rejection by the submitter or, after the first approval, by the first reviewer', () => {
    const steps = [
      [{ type: 'start' }, officerReviewer],
      [{ type: 'submit' }, officerReviewer],
    ] as const;
    expect(
      codeOf(() => applyAction(run(fresh(), steps), { type: 'reject', reason: 'x' }, officerReviewer, AT)),
    ).toBe('rectification.reviewerIsSubmitter');
    const first = run(fresh(), toFirstApproved);
    expect(codeOf(() => applyAction(first, { type: 'reject', reason: 'x' }, reviewerA, AT))).toBe(
      'rectification.sameReviewer',
    );
  });

  it('lets the second reviewer reject, which starts the review over with two fresh approvals', () => {
    const rejected = applyAction(
      run(fresh(), toFirstApproved),
      { type: 'reject', reason: '台账不符' },
      reviewerB,
      AT,
    ).next;
    expect([rejected.state, rejected.firstReviewerId, rejected.firstApprovedAt]).toEqual([
      'in_progress',
      null,
      null,
    ]);
    const resubmitted = run(rejected, [[{ type: 'submit' }, officer]]);
    const again = run(resubmitted, [[{ type: 'approve' }, reviewerA]]);
    expect(again.state).toBe('first_approved');
    expect(run(again, [[{ type: 'approve' }, reviewerC]]).state).toBe('closed');
  });

  it('refuses to reject what is not under review', () => {
    expect(codeOf(() => applyAction(fresh(), { type: 'reject', reason: 'x' }, reviewerA, AT))).toBe(
      'rectification.invalidTransition',
    );
  });
});

describe('a closed rectification', () => {
  const closed = () => run(fresh(), toClosed);
  const attempts = [
    [{ type: 'start' }, officer],
    [{ type: 'addMeasure', text: 'x' }, officer],
    [{ type: 'addProgress', text: 'x' }, officer],
    [{ type: 'submit' }, officer],
    [{ type: 'approve' }, reviewerC],
    [{ type: 'reject', reason: 'x' }, reviewerC],
    [{ type: 'requestExtension', deadline: '2025-06-30', reason: 'x' }, officer],
    [{ type: 'decideExtension', approve: true }, supervisor],
  ] as const;

  it('refuses every action but reopening, even from an actor holding the right role', () => {
    for (const [action, actor] of attempts)
      expect(codeOf(() => applyAction(closed(), action, actor, AT))).toBe('rectification.closed');
  });

  it('after reopening, closes again only with a new submission and two fresh approvals', () => {
    const reopened = applyAction(closed(), { type: 'reopen', reason: '回头看' }, inspector, AT).next;
    expect(codeOf(() => applyAction(reopened, { type: 'approve' }, reviewerC, AT))).toBe(
      'rectification.invalidTransition',
    );
    const again = run(reopened, [
      [{ type: 'submit' }, officer],
      [{ type: 'approve' }, reviewerA],
      [{ type: 'approve' }, reviewerC],
    ]);
    expect([again.state, again.firstReviewerId, again.secondReviewerId]).toEqual([
      'closed',
      reviewerA.id,
      reviewerC.id,
    ]);
  });

  it('is reopened (回头看) to in_progress by an inspector or a supervisor, with the review cleared', () => {
    for (const actor of [inspector, supervisor]) {
      const { next, event } = applyAction(
        closed(),
        { type: 'reopen', reason: '回头看发现资金未退回' },
        actor,
        AT,
      );
      expect(next.state).toBe('in_progress');
      expect([next.submittedBy, next.firstReviewerId, next.secondReviewerId, next.closedAt]).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(event.reason).toBe('回头看发现资金未退回');
    }
  });

  it('needs a reason to reopen, and refuses reopening by anyone else or reopening what is open', () => {
    expect(codeOf(() => applyAction(closed(), { type: 'reopen', reason: ' ' }, inspector, AT))).toBe(
      'rectification.reasonRequired',
    );
    for (const actor of [officer, reviewerA, viewer])
      expect(codeOf(() => applyAction(closed(), { type: 'reopen', reason: 'x' }, actor, AT))).toBe(
        'rectification.forbiddenRole',
      );
    expect(codeOf(() => applyAction(fresh(), { type: 'reopen', reason: 'x' }, inspector, AT))).toBe(
      'rectification.invalidTransition',
    );
  });

  it('checks the role before the closed state', () => {
    expect(codeOf(() => applyAction(closed(), { type: 'approve' }, viewer, AT))).toBe(
      'rectification.forbiddenRole',
    );
  });
});
