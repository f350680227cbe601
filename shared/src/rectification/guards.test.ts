import { describe, expect, it } from 'vitest';
import { allowedActions, roleFor } from './guards.js';
import {
  admin,
  fresh,
  inspector,
  officer,
  officerReviewer,
  reviewerA,
  reviewerB,
  run,
  supervisor,
  toClosed,
  toFirstApproved,
  toSubmitted,
  viewer,
} from './test-fixtures.js';

const EDIT = ['addMeasure', 'addProgress', 'addEvidence'];

describe('allowed actions', () => {
  it('offer the unit officer start, material and an extension request on an assigned rectification', () => {
    expect(allowedActions(fresh(), officer)).toEqual(['start', ...EDIT, 'requestExtension']);
  });

  it('offer submit once work has started', () => {
    expect(allowedActions(run(fresh(), [[{ type: 'start' }, officer]]), officer)).toEqual([
      ...EDIT,
      'submit',
      'requestExtension',
    ]);
  });

  it('offer a reviewer approve and reject on a submitted rectification, but not to its submitter', () => {
    const r = run(fresh(), toSubmitted);
    expect(allowedActions(r, reviewerA)).toEqual(['approve', 'reject']);
    const own = run(fresh(), [
      [{ type: 'start' }, officerReviewer],
      [{ type: 'submit' }, officerReviewer],
    ]);
    expect(allowedActions(own, officerReviewer)).toEqual([...EDIT, 'requestExtension']);
  });

  it('offer nothing to the first reviewer after the first approval, and both to another', () => {
    const r = run(fresh(), toFirstApproved);
    expect(allowedActions(r, reviewerA)).toEqual([]);
    expect(allowedActions(r, reviewerB)).toEqual(['approve', 'reject']);
  });

  it('offer only reopening on a closed rectification, to inspectors and supervisors', () => {
    const r = run(fresh(), toClosed);
    expect(allowedActions(r, inspector)).toEqual(['reopen']);
    expect(allowedActions(r, supervisor)).toEqual(['reopen']);
    for (const actor of [officer, reviewerA, reviewerB, viewer, admin])
      expect(allowedActions(r, actor)).toEqual([]);
  });

  it('offer a supervisor a decision only while a request is pending', () => {
    expect(allowedActions(fresh(), supervisor)).toEqual([]);
    const asked = run(fresh(), [
      [{ type: 'requestExtension', deadline: '2025-04-30', reason: '汛期' }, officer],
    ]);
    expect(allowedActions(asked, supervisor)).toEqual(['decideExtension']);
    expect(allowedActions(asked, officer)).not.toContain('requestExtension');
  });

  it('offer viewers and admins nothing', () => {
    for (const r of [fresh(), run(fresh(), toSubmitted)]) {
      expect(allowedActions(r, viewer)).toEqual([]);
      expect(allowedActions(r, admin)).toEqual([]);
    }
  });
});

describe('the acting role', () => {
  it('is the role of the actor that the action needs', () => {
    expect(roleFor('approve', officerReviewer)).toBe('reviewer');
    expect(roleFor('submit', officerReviewer)).toBe('unit_officer');
    expect(roleFor('reopen', { id: 'x', roles: ['viewer', 'supervisor'] })).toBe('supervisor');
    expect(roleFor('approve', officer)).toBeNull();
  });
});
