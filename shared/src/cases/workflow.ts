/**
 * The accountability case state machine (DESIGN §3, §4.2): proposed → under_review → decided (with a
 * form) or dismissed (with a reason) → closed. The rules only propose; inspectors (DESIGN §1: "open
 * accountability cases") move a case on. Pure: the actor's roles are passed in. Every accepted action
 * bumps `version` by exactly 1 (optimistic concurrency, DESIGN §5).
 */
import { can } from '../access/capabilities.js';
import { DomainError } from '../errors/index.js';
import type { AccountabilityCase } from '../schemas/accountability.js';
import type { Role } from '../schemas/enums.js';

type CaseState = AccountabilityCase['state'];
type Form = NonNullable<AccountabilityCase['form']>;

export type CaseAction =
  | { type: 'review' }
  | { type: 'decide'; form: Form; note?: string | null }
  | { type: 'dismiss'; reason: string }
  | { type: 'close' };

export type CaseActionType = CaseAction['type'];

/**
 * The states each action leaves from. Chosen: a proposal may be dismissed straight away (a proposal
 * raised on a withdrawn card, say) as well as after review; a decision needs a review first.
 */
const FROM: Record<CaseActionType, readonly CaseState[]> = {
  review: ['proposed'],
  decide: ['under_review'],
  dismiss: ['proposed', 'under_review'],
  close: ['decided', 'dismissed'],
};

const TO: Record<CaseActionType, CaseState> = {
  review: 'under_review',
  decide: 'decided',
  dismiss: 'dismissed',
  close: 'closed',
};

const mayAct = (roles: readonly Role[]) => can(roles, 'case.act');

/** The actions the roles may take on the case now (empty for a closed case or another role). */
export function allowedCaseActions(
  c: Pick<AccountabilityCase, 'state'>,
  roles: readonly Role[],
): CaseActionType[] {
  if (!mayAct(roles)) return [];
  return (Object.keys(FROM) as CaseActionType[]).filter((a) => FROM[a].includes(c.state));
}

const trimmed = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

/** The case after `action`, or a DomainError: forbiddenRole, invalidTransition, reasonRequired, formRequired. */
export function applyCaseAction(
  c: AccountabilityCase,
  action: CaseAction,
  roles: readonly Role[],
): AccountabilityCase {
  if (!mayAct(roles))
    throw new DomainError('case.forbiddenRole', 'only inspectors act on accountability cases');
  if (!FROM[action.type].includes(c.state))
    throw new DomainError('case.invalidTransition', `cannot ${action.type} a ${c.state} case`, {
      details: { state: c.state, action: action.type },
    });
  const next: AccountabilityCase = { ...c, state: TO[action.type], version: c.version + 1 };
  switch (action.type) {
    case 'decide': {
      if (!action.form)
        throw new DomainError('case.formRequired', 'a decision names its form', { field: 'form' });
      return { ...next, form: action.form, decisionNote: trimmed(action.note) };
    }
    case 'dismiss': {
      const reason = trimmed(action.reason);
      if (reason === null)
        throw new DomainError('case.reasonRequired', 'a dismissal says why', { field: 'reason' });
      return { ...next, dismissReason: reason };
    }
    default:
      return next;
  }
}
