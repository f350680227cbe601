/**
 * Who may do what, from which state (DESIGN §1 roles, §4.4 workflow). `guardError` is the one place
 * these rules live: `applyAction` throws its code and `allowedActions` lists the types it lets through,
 * so the UI hides exactly what the rules forbid.
 *
 * Jurisdiction (a unit officer acts only on their own unit's subtree) is the API's job: the core sees
 * roles and person ids, not the unit tree.
 */
import { type Capability, roleWithCapability as roleWith } from '../access/capabilities.js';
import type { ErrorCode } from '../errors/index.js';
import type { RectificationState, Role } from '../schemas/enums.js';
import type { ExtensionRequest, Rectification } from '../schemas/rectification.js';
import { type RectificationActionType, rectificationActionTypes } from './actions.js';

export interface Actor {
  id: string;
  roles: readonly Role[];
}

/**
 * The capability each action needs (access/capabilities.ts says which roles hold it). Reopening (回头看)
 * is done by an inspector or a supervisor: both run the look-back inspections of seed 001 (纪检 and
 * 扶贫办), and neither is the unit that did the work or a reviewer who closed it.
 */
export const actionCapability: Readonly<Record<RectificationActionType, Capability>> = {
  start: 'rectification.work',
  addMeasure: 'rectification.work',
  addProgress: 'rectification.work',
  addEvidence: 'rectification.work',
  submit: 'rectification.work',
  approve: 'rectification.review',
  reject: 'rectification.review',
  reopen: 'rectification.reopen',
  requestExtension: 'rectification.work',
  decideExtension: 'rectification.decideExtension',
};

const OPEN: readonly RectificationState[] = ['assigned', 'in_progress', 'submitted', 'first_approved'];
const IN_REVIEW: readonly RectificationState[] = ['submitted', 'first_approved'];

/**
 * States an action may start from. Measures, progress, evidence and extension requests are accepted in
 * every state but `closed` ("while not closed"), including `assigned` (recording a measure does not
 * start the work) and while under review (the reviewers see the latest material).
 */
const fromStates: Readonly<Record<RectificationActionType, readonly RectificationState[]>> = {
  start: ['assigned'],
  addMeasure: OPEN,
  addProgress: OPEN,
  addEvidence: OPEN,
  submit: ['in_progress'],
  approve: IN_REVIEW,
  reject: IN_REVIEW,
  reopen: ['closed'],
  requestExtension: OPEN,
  decideExtension: OPEN,
};

/** The role under which `actor` may do `type` (for the ledger event), or null when none of theirs may. */
export function roleFor(type: RectificationActionType, actor: Actor): Role | null {
  return roleWith(actor.roles, actionCapability[type]);
}

export const pendingExtension = (rect: Rectification): ExtensionRequest | undefined =>
  rect.extensions.find((e) => e.decision === 'pending');

/**
 * The first rule that forbids `actor` doing `type` now, or null. Checked in this order (the order is a
 * choice; each scenario of the design trips one rule only):
 * 1. role (`forbiddenRole`) — who you are comes before what the record is;
 * 2. a closed record refuses everything but reopening (`closed`);
 * 3. the state machine (`invalidTransition`);
 * 4. the people: a reviewer is never the submitter (`reviewerIsSubmitter`), and the second reviewer —
 *    approving or rejecting at `first_approved` — is not the first (`sameReviewer`);
 * 5. extensions: one pending at a time (`extensionPending`), a decision needs one (`noExtensionPending`).
 * Checks of the action's content (reason, new deadline) come after these, in `applyAction`.
 */
export function guardError(
  rect: Rectification,
  type: RectificationActionType,
  actor: Actor,
): ErrorCode | null {
  if (roleFor(type, actor) === null) return 'rectification.forbiddenRole';
  if (rect.state === 'closed' && type !== 'reopen') return 'rectification.closed';
  if (!fromStates[type].includes(rect.state)) return 'rectification.invalidTransition';
  if (type === 'approve' || type === 'reject') {
    if (rect.submittedBy !== null && actor.id === rect.submittedBy)
      return 'rectification.reviewerIsSubmitter';
    if (rect.state === 'first_approved' && actor.id === rect.firstReviewerId)
      return 'rectification.sameReviewer';
  }
  if (type === 'requestExtension' && pendingExtension(rect)) return 'rectification.extensionPending';
  if (type === 'decideExtension' && !pendingExtension(rect)) return 'rectification.noExtensionPending';
  return null;
}

/** What this actor may do now; an action listed here fails only on its content (reason, deadline). */
export function allowedActions(rect: Rectification, actor: Actor): RectificationActionType[] {
  return rectificationActionTypes.filter((t) => guardError(rect, t, actor) === null);
}
