import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.js';
import { type AccountabilityCase, accountabilityCaseSchema } from '../schemas/accountability.js';
import { allowedCaseActions, applyCaseAction, type CaseAction } from './workflow.js';

const proposed: AccountabilityCase = {
  id: 'case-1',
  triggerKey: 'cards:town-a:2024Q4:2025Q1',
  trigger: {
    kind: 'consecutive_cards',
    unitId: 'town-a',
    quarters: ['2024Q4', '2025Q1'],
    cardIds: ['c1', 'c2'],
  },
  subjects: [],
  state: 'proposed',
  form: null,
  decisionNote: null,
  dismissReason: null,
  proposedAt: '2025-04-11T00:00:00+08:00',
  version: 1,
};

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
};

const run = (c: AccountabilityCase, ...actions: CaseAction[]) =>
  actions.reduce((acc, a) => applyCaseAction(acc, a, ['inspector']), c);

describe('the accountability case workflow', () => {
  it('goes proposed → under review → decided with a form → closed, one version per step', () => {
    const reviewed = run(proposed, { type: 'review' });
    expect([reviewed.state, reviewed.version]).toEqual(['under_review', 2]);
    const decided = run(reviewed, { type: 'decide', form: 'admonishment_talk', note: ' 约谈 ' });
    expect(decided).toMatchObject({
      state: 'decided',
      form: 'admonishment_talk',
      decisionNote: '约谈',
      version: 3,
    });
    const closed = run(decided, { type: 'close' });
    expect([closed.state, closed.version]).toEqual(['closed', 4]);
    expect(accountabilityCaseSchema.parse(closed)).toEqual(closed);
  });

  it('dismisses a proposal or a case under review with a reason, and closes it', () => {
    const dismissed = run(proposed, { type: 'dismiss', reason: '黄牌已撤销' });
    expect([dismissed.state, dismissed.dismissReason]).toEqual(['dismissed', '黄牌已撤销']);
    expect(run(dismissed, { type: 'close' }).state).toBe('closed');
    expect(run(proposed, { type: 'review' }, { type: 'dismiss', reason: 'x' }).state).toBe('dismissed');
  });

  it('refuses a dismissal without a reason and a decision without a form', () => {
    expect(codeOf(() => run(proposed, { type: 'dismiss', reason: '  ' }))).toBe('case.reasonRequired');
    const reviewed = run(proposed, { type: 'review' });
    expect(codeOf(() => run(reviewed, { type: 'decide' } as unknown as CaseAction))).toBe(
      'case.formRequired',
    );
  });

  it.each([
    ['decide a proposal without review', proposed, { type: 'decide', form: 'circulated_criticism' }],
    ['close a proposal', proposed, { type: 'close' }],
    ['review twice', { ...proposed, state: 'under_review' }, { type: 'review' }],
    ['dismiss a decided case', { ...proposed, state: 'decided' }, { type: 'dismiss', reason: 'x' }],
    ['act on a closed case', { ...proposed, state: 'closed' }, { type: 'review' }],
  ] as [string, AccountabilityCase, CaseAction][])('refuses to %s', (_, c, action) => {
    expect(codeOf(() => run(c, action))).toBe('case.invalidTransition');
  });

  it('lets only inspectors act', () => {
    expect(codeOf(() => applyCaseAction(proposed, { type: 'review' }, ['supervisor', 'viewer']))).toBe(
      'case.forbiddenRole',
    );
    expect(allowedCaseActions(proposed, ['supervisor'])).toEqual([]);
  });

  it('lists the actions open to an inspector in each state', () => {
    const at = (state: AccountabilityCase['state']) => allowedCaseActions({ state }, ['inspector']);
    expect(at('proposed')).toEqual(['review', 'dismiss']);
    expect(at('under_review')).toEqual(['decide', 'dismiss']);
    expect(at('decided')).toEqual(['close']);
    expect(at('dismissed')).toEqual(['close']);
    expect(at('closed')).toEqual([]);
  });
});
