/**
 * Consecutive cards → an accountability case is proposed (DESIGN §4.2, seed 001: "对连续两个季度预黄牌的…
 * 主要负责人和分管负责人给予问责"). Subjects: every person who held the unit's `principal` or
 * `deputy_in_charge` post at any time in the latest quarter, each with their days in post in every quarter
 * of the trigger. Humans decide; this only proposes, under a natural key so a trigger proposes once.
 */
import {
  parseQuarter,
  type Quarter,
  type QuarterKey,
  quarterFromIndex,
  quarterIndex,
  quarterKey,
} from '../calendar/quarter.js';
import { leadersInPost, quarterSpan } from '../cases/leaders.js';
import { DomainError } from '../errors/index.js';
import type { CaseSubject, CaseTrigger } from '../schemas/accountability.js';
import type { Tenure } from '../schemas/org.js';
import type { Scheme } from '../scheme/scheme.js';

export interface ConsecutiveCardsInput {
  unitId: string;
  /** Quarters in which the unit was carded (any order; duplicates ignored). */
  quarters: readonly (Quarter | QuarterKey)[];
  /** The card of each quarter: cardIds[i] is the card of quarters[i]. */
  cardIds: readonly string[];
  /** Tenures of any units; only this unit's are read. */
  tenures: readonly Tenure[];
  scheme: Pick<Scheme, 'cards'>;
}

export interface CardsProposal {
  triggerKey: string;
  trigger: Extract<CaseTrigger, { kind: 'consecutive_cards' }>;
  subjects: CaseSubject[];
}

const asQuarter = (q: Quarter | QuarterKey): Quarter => (typeof q === 'string' ? parseQuarter(q) : q);

/**
 * Chosen: the trigger covers the last `consecutiveForProposal` quarters of the run of consecutive carded
 * quarters that ends at the unit's latest carded quarter. A longer run (carded Q1, Q2, Q3) thus proposes
 * again for Q2–Q3 under a new key, as "carded in two consecutive quarters" holds again; a run broken before
 * the latest quarter proposes nothing.
 */
export function proposeForConsecutiveCards(input: ConsecutiveCardsInput): CardsProposal | null {
  const { unitId, quarters, cardIds, tenures, scheme } = input;
  if (cardIds.length !== quarters.length)
    throw new DomainError('ranking.cardsMismatch', 'one card id per carded quarter', { field: 'cardIds' });
  const cardOf = new Map<number, string>();
  quarters.forEach((q, i) => {
    const ix = quarterIndex(asQuarter(q));
    if (!cardOf.has(ix)) cardOf.set(ix, cardIds[i] ?? '');
  });
  const k = scheme.cards.consecutiveForProposal;
  const latest = Math.max(...cardOf.keys());
  const run: number[] = [];
  for (let ix = latest; cardOf.has(ix) && run.length < k; ix--) run.unshift(ix);
  if (run.length < k) return null;

  const runQuarters = run.map(quarterFromIndex);
  const keys = runQuarters.map(quarterKey);
  const last = runQuarters[runQuarters.length - 1] as Quarter;
  const trigger: CardsProposal['trigger'] = {
    kind: 'consecutive_cards',
    unitId,
    quarters: keys,
    cardIds: run.map((ix) => cardOf.get(ix) ?? ''),
  };
  return {
    triggerKey: `cards:${unitId}:${keys.join(':')}`,
    trigger,
    subjects: leadersInPost(unitId, tenures, quarterSpan(last), {
      from: quarterSpan(runQuarters[0] as Quarter).from,
      to: quarterSpan(last).to,
    }),
  };
}
