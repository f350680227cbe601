import { describe, expect, it } from 'vitest';
import { rectificationSchema } from '../schemas/rectification.js';
import {
  codeOf,
  fresh,
  inspector,
  officer,
  officer2,
  officerReviewer,
  reviewerA,
  reviewerB,
  run,
  supervisor,
  toFirstApproved,
  toSubmitted,
  viewer,
} from './test-fixtures.js';
import { applyAction, ensureVersion } from './workflow.js';

const AT = '2025-03-20T10:00:00+08:00';
const SHA = 'a'.repeat(64);

describe('starting and recording work', () => {
  it('moves an assigned rectification to in_progress when the unit officer starts it', () => {
    const { next, event } = applyAction(fresh(), { type: 'start' }, officer, AT);
    expect(next.state).toBe('in_progress');
    expect(next.version).toBe(2);
    expect(event).toEqual({
      action: 'start',
      before: { state: 'assigned', version: 1 },
      after: { state: 'in_progress', version: 2 },
      reason: null,
    });
  });

  it('refuses a second start as an invalid transition', () => {
    expect(
      codeOf(() => applyAction(run(fresh(), [[{ type: 'start' }, officer]]), { type: 'start' }, officer, AT)),
    ).toBe('rectification.invalidTransition');
  });

  it('lets only a unit officer start the work', () => {
    for (const actor of [reviewerA, supervisor, inspector, viewer])
      expect(codeOf(() => applyAction(fresh(), { type: 'start' }, actor, AT))).toBe(
        'rectification.forbiddenRole',
      );
  });

  it('appends measures and progress notes with their author and time, trimmed', () => {
    const r1 = applyAction(fresh(), { type: 'addMeasure', text: '  清退违规资金  ' }, officer, AT).next;
    const r2 = applyAction(r1, { type: 'addProgress', text: '已清退 80%' }, officer2, AT).next;
    expect(r2.measures).toEqual([{ at: AT, by: officer.id, text: '清退违规资金' }]);
    expect(r2.progress).toEqual([{ at: AT, by: officer2.id, text: '已清退 80%' }]);
    expect(r2.state).toBe('assigned');
    expect(r2.version).toBe(3);
  });

  it('records evidence metadata with an id from newId, or a per-version id without one', () => {
    const meta = { fileName: '收据.pdf', contentType: 'application/pdf', size: 1024, sha256: SHA };
    const r1 = applyAction(fresh(), { type: 'addEvidence', ...meta }, officer, AT, {
      newId: () => 'EV01',
    }).next;
    const r2 = applyAction(r1, { type: 'addEvidence', ...meta }, officer, AT).next;
    expect(r2.evidence.map((e) => e.id)).toEqual(['EV01', 'ev-3']);
    expect(r2.evidence[0]).toEqual({ id: 'EV01', ...meta, at: AT, by: officer.id });
  });

  it('accepts material while under review, but not from a reviewer', () => {
    const r = run(fresh(), toFirstApproved);
    expect(applyAction(r, { type: 'addProgress', text: '补充材料' }, officer, AT).next.progress).toHaveLength(
      1,
    );
    expect(codeOf(() => applyAction(r, { type: 'addProgress', text: 'x' }, reviewerB, AT))).toBe(
      'rectification.forbiddenRole',
    );
  });

  it('refuses a blank note, bad evidence metadata, an unknown action, a bad time and a bad id as invalid input', () => {
    const r = fresh();
    expect(codeOf(() => applyAction(r, { type: 'addMeasure', text: '   ' }, officer, AT))).toBe(
      'rectification.invalidInput',
    );
    const bad = {
      type: 'addEvidence',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 1,
      sha256: 'xyz',
    } as const;
    expect(codeOf(() => applyAction(r, bad, officer, AT))).toBe('rectification.invalidInput');
    expect(codeOf(() => applyAction(r, { type: 'launch' } as never, officer, AT))).toBe(
      'rectification.invalidInput',
    );
    expect(codeOf(() => applyAction(r, { type: 'start' }, officer, '2025-03-20 10:00'))).toBe(
      'rectification.invalidInput',
    );
    expect(codeOf(() => applyAction(r, { type: 'start' }, { id: 'a b', roles: ['unit_officer'] }, AT))).toBe(
      'rectification.invalidInput',
    );
    const meta = { fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: SHA };
    expect(
      codeOf(() => applyAction(r, { type: 'addEvidence', ...meta }, officer, AT, { newId: () => '' })),
    ).toBe('rectification.invalidInput');
  });
});

describe('submitting and the two-person review (双人复核)', () => {
  it('records who submitted and when', () => {
    const r = run(fresh(), toSubmitted.slice(0, 2));
    const { next } = applyAction(r, { type: 'submit' }, officer2, AT);
    expect([next.state, next.submittedBy, next.submittedAt]).toEqual(['submitted', officer2.id, AT]);
  });

  it('refuses to submit work that was never started', () => {
    expect(codeOf(() => applyAction(fresh(), { type: 'submit' }, officer, AT))).toBe(
      'rectification.invalidTransition',
    );
  });

  it('moves a submitted rectification to first_approved on a reviewer approval', () => {
    const { next } = applyAction(run(fresh(), toSubmitted), { type: 'approve' }, reviewerA, AT);
    expect([next.state, next.firstReviewerId, next.firstApprovedAt]).toEqual([
      'first_approved',
      reviewerA.id,
      AT,
    ]);
  });

  it('closes on a second approval by a different reviewer', () => {
    const { next } = applyAction(run(fresh(), toFirstApproved), { type: 'approve' }, reviewerB, AT);
    expect([next.state, next.secondReviewerId, next.closedAt]).toEqual(['closed', reviewerB.id, AT]);
    expect(rectificationSchema.safeParse(next).success).toBe(true);
  });

  it('refuses the first reviewer approving a second time', () => {
    expect(codeOf(() => applyAction(run(fresh(), toFirstApproved), { type: 'approve' }, reviewerA, AT))).toBe(
      'rectification.sameReviewer',
    );
  });

  it('refuses the submitter as first or second reviewer', () => {
    const steps = [
      [{ type: 'start' }, officerReviewer],
      [{ type: 'submit' }, officerReviewer],
    ] as const;
    const submitted = run(fresh(), steps);
    expect(codeOf(() => applyAction(submitted, { type: 'approve' }, officerReviewer, AT))).toBe(
      'rectification.reviewerIsSubmitter',
    );
    const first = applyAction(submitted, { type: 'approve' }, reviewerA, AT).next;
    expect(codeOf(() => applyAction(first, { type: 'approve' }, officerReviewer, AT))).toBe(
      'rectification.reviewerIsSubmitter',
    );
  });

  it('lets only reviewers approve, and only what is under review', () => {
    const r = run(fresh(), toSubmitted);
    for (const actor of [officer, supervisor, inspector, viewer])
      expect(codeOf(() => applyAction(r, { type: 'approve' }, actor, AT))).toBe(
        'rectification.forbiddenRole',
      );
    const started = run(fresh(), [[{ type: 'start' }, officer]]);
    expect(codeOf(() => applyAction(started, { type: 'approve' }, reviewerA, AT))).toBe(
      'rectification.invalidTransition',
    );
  });
});

describe('optimistic concurrency', () => {
  it('refuses a stale version with the current record attached', () => {
    const r = run(fresh(), toSubmitted);
    expect(() => ensureVersion(r, r.version)).not.toThrow();
    expect(codeOf(() => ensureVersion(r, r.version - 1))).toBe('rectification.conflict');
    try {
      ensureVersion(r, 1);
    } catch (e) {
      expect((e as { details: { current: unknown } }).details.current).toBe(r);
    }
  });

  it('never changes the record it was given', () => {
    const r = run(fresh(), toSubmitted);
    const copy = structuredClone(r);
    applyAction(r, { type: 'approve' }, reviewerA, AT);
    expect(r).toEqual(copy);
  });
});
