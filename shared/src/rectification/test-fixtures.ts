/** Fictional people and a rectification of 东山县青松镇 for the rectification tests. */
import { isDomainError } from '../errors/index.js';
import type { Rectification } from '../schemas/rectification.js';
import type { RectificationAction } from './actions.js';
import { newRectification } from './create.js';
import type { Actor } from './guards.js';
import { applyAction } from './workflow.js';

export const SH = 'Asia/Shanghai';
export const T0 = '2025-03-01T09:00:00+08:00';

export const officer: Actor = { id: 'officer-1', roles: ['unit_officer'] };
export const officer2: Actor = { id: 'officer-2', roles: ['unit_officer'] };
export const reviewerA: Actor = { id: 'rev-a', roles: ['reviewer'] };
export const reviewerB: Actor = { id: 'rev-b', roles: ['reviewer'] };
export const reviewerC: Actor = { id: 'rev-c', roles: ['reviewer'] };
/** A unit officer who is also a reviewer: may never review what they submitted. */
export const officerReviewer: Actor = { id: 'both-1', roles: ['unit_officer', 'reviewer'] };
export const supervisor: Actor = { id: 'sup-1', roles: ['supervisor'] };
export const inspector: Actor = { id: 'insp-1', roles: ['inspector'] };
export const viewer: Actor = { id: 'viewer-1', roles: ['viewer'] };
export const admin: Actor = { id: 'admin-1', roles: ['admin'] };

export function fresh(deadline = '2025-03-31'): Rectification {
  return newRectification(
    {
      source: { kind: 'finding', id: 'finding-1' },
      unitId: 'ds-a',
      title: '产业扶贫资金拨付滞后',
      deadline,
    },
    { id: 'rect-1', at: T0, by: supervisor.id },
  );
}

export type Step = readonly [RectificationAction, Actor];

/** Applies the steps in order, one hour apart from T0 + 1 h. */
export function run(rect: Rectification, steps: readonly Step[]): Rectification {
  let r = rect;
  steps.forEach(([action, actor], i) => {
    const at = new Date(Date.parse(T0) + (i + 1) * 3_600_000).toISOString();
    r = applyAction(r, action, actor, at).next;
  });
  return r;
}

export const toSubmitted: readonly Step[] = [
  [{ type: 'start' }, officer],
  [{ type: 'addMeasure', text: '追回挪用资金并重新拨付' }, officer],
  [{ type: 'submit' }, officer],
];
export const toFirstApproved: readonly Step[] = [...toSubmitted, [{ type: 'approve' }, reviewerA]];
export const toClosed: readonly Step[] = [...toFirstApproved, [{ type: 'approve' }, reviewerB]];

/** The DomainError code `f` throws, undefined when it returns; any other error is rethrown. */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  return undefined;
}
