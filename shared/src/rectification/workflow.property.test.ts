/**
 * Properties of the workflow under any sequence of actions by any actors: every accepted action yields a
 * valid record one version up; a closed record was closed by two different reviewers, neither of them the
 * submitter; deadlines only grow; and `allowedActions` agrees with what `applyAction` accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can } from '../access/capabilities.js';
import { addDays } from '../calendar/local-date.js';
import { isDomainError } from '../errors/index.js';
import { canonicalJson } from '../ledger/canonical.js';
import { type Rectification, rectificationSchema } from '../schemas/rectification.js';
import type { RectificationAction } from './actions.js';
import { type Actor, actionCapability, allowedActions, guardError } from './guards.js';
import {
  admin,
  fresh,
  inspector,
  officer,
  officer2,
  officerReviewer,
  reviewerA,
  reviewerB,
  reviewerC,
  supervisor,
  viewer,
} from './test-fixtures.js';
import { applyAction, type RectificationEvent } from './workflow.js';

const actors: Actor[] = [
  officer,
  officer2,
  officerReviewer,
  reviewerA,
  reviewerB,
  reviewerC,
  supervisor,
  inspector,
  viewer,
  admin,
];
const CONTENT_CODES = [
  'rectification.reasonRequired',
  'rectification.extensionNotLater',
  'rectification.invalidInput',
];

const reason = fc.oneof(
  fc.constantFrom(undefined, null, '', '  ', '整改不到位', '回头看'),
  fc.string({ maxLength: 30 }),
);
const text = fc.oneof(fc.constantFrom('清退资金', '  ', '已完成 50%'), fc.string({ maxLength: 30 }));
const action: fc.Arbitrary<RectificationAction> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ type: 'start' } as const) },
  { weight: 1, arbitrary: text.map((t) => ({ type: 'addMeasure', text: t }) as const) },
  { weight: 1, arbitrary: text.map((t) => ({ type: 'addProgress', text: t }) as const) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('addEvidence' as const),
      fileName: fc.constantFrom('照片.jpg', 'receipt.pdf', ''),
      contentType: fc.constant('image/jpeg'),
      size: fc.integer({ min: -1, max: 5_000_000 }),
      sha256: fc.constantFrom('0'.repeat(64), 'f'.repeat(64), 'nope'),
    }),
  },
  { weight: 4, arbitrary: fc.constant({ type: 'submit' } as const) },
  { weight: 8, arbitrary: fc.constant({ type: 'approve' } as const) },
  { weight: 2, arbitrary: reason.map((r) => ({ type: 'reject', reason: r }) as const) },
  { weight: 2, arbitrary: reason.map((r) => ({ type: 'reopen', reason: r }) as const) },
  {
    weight: 2,
    arbitrary: fc
      .record({ days: fc.integer({ min: -20, max: 90 }), reason })
      .map(
        ({ days, reason: r }) =>
          ({ type: 'requestExtension', deadline: addDays('2025-03-31', days), reason: r }) as const,
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ approve: fc.boolean(), reason })
      .map((d) => ({ type: 'decideExtension', ...d }) as const),
  },
);
/** Mostly an actor holding a role the action needs (so paths get far), sometimes anyone at all. */
const actionAndActor = action.chain((a) => {
  const fitting = actors.filter((x) => can(x.roles, actionCapability[a.type]));
  return fc.record({
    action: fc.constant(a),
    actor: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...fitting) },
      { weight: 1, arbitrary: fc.constantFrom(...actors) },
    ),
  });
});
const step = fc.record({ aa: actionAndActor, gapMinutes: fc.integer({ min: 1, max: 4000 }) });

function checkInvariants(r: Rectification): void {
  expect(rectificationSchema.safeParse(r).success).toBe(true);
  expect(r.deadlines.at(-1)?.deadline).toBe(r.deadline);
  expect(r.extensions.filter((e) => e.decision === 'pending').length).toBeLessThanOrEqual(1);
  const inReview = ['submitted', 'first_approved', 'closed'].includes(r.state);
  expect(r.submittedBy !== null).toBe(inReview);
  expect(r.firstReviewerId !== null).toBe(r.state === 'first_approved' || r.state === 'closed');
  expect(r.secondReviewerId !== null).toBe(r.state === 'closed');
  expect(r.closedAt !== null).toBe(r.state === 'closed');
  if (r.state === 'closed') {
    expect(r.firstReviewerId).not.toBe(r.secondReviewerId);
    expect(r.firstReviewerId).not.toBe(r.submittedBy);
    expect(r.secondReviewerId).not.toBe(r.submittedBy);
  }
}

describe('the workflow under random actions by random actors', () => {
  it('keeps every record valid, versions +1, two distinct non-submitting reviewers on close, and growing deadlines', () => {
    const seen = { accepted: 0, closed: 0, reopened: 0, extended: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 60, size: 'max' }), (steps) => {
        let r = fresh();
        let t = Date.parse('2025-03-01T01:00:00Z');
        for (const { aa, gapMinutes } of steps) {
          const { action: a, actor } = aa;
          t += gapMinutes * 60_000;
          const at = new Date(t).toISOString();
          const allowed = allowedActions(r, actor).includes(a.type);
          const before = canonicalJson(r);
          let next: Rectification;
          let event: RectificationEvent;
          try {
            ({ next, event } = applyAction(r, a, actor, at));
          } catch (e) {
            if (!isDomainError(e)) throw e;
            expect(canonicalJson(r)).toBe(before);
            if (allowed) expect(CONTENT_CODES).toContain(e.code);
            else expect(e.code).toBe(guardError(r, a.type, actor));
            continue;
          }
          expect(allowed).toBe(true);
          expect(canonicalJson(r)).toBe(before);
          expect(next.version).toBe(r.version + 1);
          expect([event.action, event.before.version, event.after.version]).toEqual([
            a.type,
            r.version,
            next.version,
          ]);
          expect(next.deadlines.length).toBeGreaterThanOrEqual(r.deadlines.length);
          expect(next.deadlines.slice(0, r.deadlines.length)).toEqual(r.deadlines);
          checkInvariants(next);
          seen.accepted++;
          if (next.state === 'closed' && r.state !== 'closed') seen.closed++;
          if (a.type === 'reopen') seen.reopened++;
          if (next.deadlines.length > r.deadlines.length) seen.extended++;
          r = next;
        }
      }),
      { numRuns: 300 },
    );
    // The generator does reach the interesting paths (not a vacuous property).
    expect(seen.closed).toBeGreaterThan(50);
    expect(seen.reopened).toBeGreaterThan(10);
    expect(seen.extended).toBeGreaterThan(10);
  });
});
