/**
 * What petitions and signals need around the alerts (alerts.ts writeAlert) and proposed cases (cases.ts
 * writeCaseProposal) they raise: the system actor, the check of a trigger marker before raising (the
 * marker is put with a condition in the same transaction as the record, so a second raise of the same
 * trigger — a retry, another petition revealing the same missed SLA, a race — cannot create a second
 * one), the proposal record, and its subjects: the unit's leaders over a span of days.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AccountabilityCase,
  addDays,
  type CaseSubject,
  type CaseTrigger,
  type LocalDate,
  quarterBounds,
  quarterFromIndex,
  quarterIndex,
  quarterKey,
  quarterOfDate,
  type Tenure,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { keys } from '../store/keys.js';
import type { Actor } from '../store/record-store.js';

/** Raised by a rule, not by a person: the event names the system as the actor. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

/** Whether a trigger already raised its record (consistent read of the marker). */
export async function triggerRaised(deps: Deps, kind: 'alert' | 'case', key: string): Promise<boolean> {
  const r = await deps.doc.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.trigger(kind, key), ConsistentRead: true }),
  );
  return r.Item !== undefined;
}

export function proposedCase(
  id: string,
  triggerKey: string,
  trigger: CaseTrigger,
  subjects: CaseSubject[],
  at: string,
): AccountabilityCase {
  return {
    id,
    triggerKey,
    trigger,
    subjects,
    state: 'proposed',
    form: null,
    decisionNote: null,
    dismissReason: null,
    proposedAt: at,
    version: 1,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The leaders answerable for a unit over a span of days (both ends inclusive): everyone who held its
 * `principal` or `deputy_in_charge` post on any day of the span, each with their days in post in every
 * quarter the span touches (whole quarters, as the consecutive-cards proposal counts them).
 */
export function leadersOverSpan(
  unitId: string,
  tenures: readonly Tenure[],
  from: LocalDate,
  to: LocalDate,
): CaseSubject[] {
  const byHolder = new Map<string, Tenure[]>();
  for (const t of tenures) {
    if (t.unitId !== unitId || (t.post !== 'principal' && t.post !== 'deputy_in_charge')) continue;
    const k = `${t.personId}\u0000${t.post}`;
    byHolder.set(k, [...(byHolder.get(k) ?? []), t]);
  }
  const heldOn = (held: readonly Tenure[], d: LocalDate) =>
    held.some((t) => t.from <= d && (t.to === null || d <= t.to));
  const first = quarterIndex(quarterOfDate(from));
  const last = quarterIndex(quarterOfDate(to));
  const out: CaseSubject[] = [];
  for (const held of byHolder.values()) {
    const t0 = held[0]!;
    const inSpan = held.some((t) => t.from <= to && (t.to === null || t.to >= from));
    if (!inSpan) continue;
    const daysInPost: Record<string, number> = {};
    for (let i = first; i <= last; i++) {
      const q = quarterFromIndex(i);
      const b = quarterBounds(q);
      let days = 0;
      for (let d = b.first; d <= b.last; d = addDays(d, 1)) if (heldOn(held, d)) days++;
      daysInPost[quarterKey(q)] = days;
    }
    out.push({ personId: t0.personId, unitId, post: t0.post, daysInPost });
  }
  return out.sort((a, b) => cmp(a.personId, b.personId) || cmp(a.post, b.post));
}
