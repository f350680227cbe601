import { describe, expect, it } from 'vitest';
import { decideExtension } from './extension.js';
import { codeOf, fresh, officer, reviewerA, run, supervisor, toFirstApproved } from './test-fixtures.js';
import { applyAction } from './workflow.js';

const AT = '2025-03-25T10:00:00+08:00';
const ask = (deadline: string, reason: string | null = '雨季施工受阻') =>
  ({ type: 'requestExtension', deadline, reason }) as const;

describe('deadline extensions', () => {
  it('records a pending request without touching the deadline', () => {
    const { next, event } = applyAction(fresh(), ask('2025-04-30'), officer, AT, { newId: () => 'EXT1' });
    expect(next.deadline).toBe('2025-03-31');
    expect(next.deadlines).toHaveLength(1);
    expect(next.extensions).toEqual([
      {
        id: 'EXT1',
        requestedDeadline: '2025-04-30',
        reason: '雨季施工受阻',
        requestedBy: officer.id,
        requestedAt: AT,
        decision: 'pending',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      },
    ]);
    expect(event.reason).toBe('雨季施工受阻');
  });

  it('changes the deadline on approval and appends it to the history', () => {
    const asked = applyAction(fresh(), ask('2025-04-30'), officer, AT).next;
    const { next } = applyAction(asked, { type: 'decideExtension', approve: true }, supervisor, AT);
    expect(next.deadline).toBe('2025-04-30');
    expect(next.deadlines).toEqual([
      asked.deadlines[0],
      { deadline: '2025-04-30', at: AT, by: supervisor.id, reason: '雨季施工受阻' },
    ]);
    expect(next.extensions[0]).toMatchObject({
      decision: 'approved',
      decidedBy: supervisor.id,
      decidedAt: AT,
    });
  });

  it('keeps the deadline on denial, with the decision and its reason on the request', () => {
    const asked = applyAction(fresh(), ask('2025-04-30'), officer, AT).next;
    const { next } = applyAction(
      asked,
      { type: 'decideExtension', approve: false, reason: ' 理由不充分 ' },
      supervisor,
      AT,
    );
    expect(next.deadline).toBe('2025-03-31');
    expect(next.deadlines).toEqual(asked.deadlines);
    expect(next.extensions[0]).toMatchObject({ decision: 'denied', decisionReason: '理由不充分' });
  });

  it('keeps every deadline across several approved extensions', () => {
    let r = fresh();
    for (const d of ['2025-04-30', '2025-05-31', '2025-06-30']) {
      r = applyAction(r, ask(d), officer, AT).next;
      r = applyAction(r, { type: 'decideExtension', approve: true }, supervisor, AT).next;
    }
    expect(r.deadlines.map((d) => d.deadline)).toEqual([
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
    ]);
    expect(r.deadline).toBe('2025-06-30');
  });

  it('allows one pending request at a time', () => {
    const asked = applyAction(fresh(), ask('2025-04-30'), officer, AT).next;
    expect(codeOf(() => applyAction(asked, ask('2025-05-31'), officer, AT))).toBe(
      'rectification.extensionPending',
    );
    const denied = applyAction(asked, { type: 'decideExtension', approve: false }, supervisor, AT).next;
    expect(applyAction(denied, ask('2025-05-31'), officer, AT).next.extensions).toHaveLength(2);
  });

  it('refuses a new deadline that is not later than the current one', () => {
    for (const d of ['2025-03-31', '2025-03-30'])
      expect(codeOf(() => applyAction(fresh(), ask(d), officer, AT))).toBe('rectification.extensionNotLater');
  });

  it('needs a reason for the request', () => {
    expect(codeOf(() => applyAction(fresh(), ask('2025-04-30', null), officer, AT))).toBe(
      'rectification.reasonRequired',
    );
    expect(codeOf(() => applyAction(fresh(), ask('2025-04-30', ''), officer, AT))).toBe(
      'rectification.reasonRequired',
    );
  });

  it('refuses a malformed requested date as invalid input', () => {
    expect(codeOf(() => applyAction(fresh(), ask('2025-02-30'), officer, AT))).toBe(
      'rectification.invalidInput',
    );
  });

  it('is asked by the unit officer and decided by a supervisor only', () => {
    expect(codeOf(() => applyAction(fresh(), ask('2025-04-30'), supervisor, AT))).toBe(
      'rectification.forbiddenRole',
    );
    const asked = applyAction(fresh(), ask('2025-04-30'), officer, AT).next;
    for (const actor of [officer, reviewerA])
      expect(codeOf(() => applyAction(asked, { type: 'decideExtension', approve: true }, actor, AT))).toBe(
        'rectification.forbiddenRole',
      );
  });

  it('refuses a decision when nothing is pending', () => {
    expect(
      codeOf(() => applyAction(fresh(), { type: 'decideExtension', approve: true }, supervisor, AT)),
    ).toBe('rectification.noExtensionPending');
    expect(
      codeOf(() => decideExtension(fresh(), { approve: true, reason: null, by: supervisor.id, at: AT })),
    ).toBe('rectification.noExtensionPending');
  });

  it('may be asked while under review, without changing the review', () => {
    const { next } = applyAction(run(fresh(), toFirstApproved), ask('2025-04-30'), officer, AT);
    expect([next.state, next.firstReviewerId]).toEqual(['first_approved', reviewerA.id]);
  });
});
