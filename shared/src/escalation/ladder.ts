/**
 * The escalation ladder (DESIGN §4.4, issue 16): per kind of matter, steps at points of its time limit —
 * a number of days after the deadline day, or a percentage of the time from the matter's start to the end
 * of its deadline day (80 %, 100 %, 150 % …) — each with what it does (remind the unit's leaders, alert the
 * unit's or the parent unit's supervisors, propose a case). Scheme data: `scheme.escalation`, optional;
 * without it a rectification's ladder is today's fixed overdue steps read from `scheme.rectification`
 * (day 1 alert, day 15 alert to the parent, day 30 case), so existing schemes keep their behaviour.
 *
 * Each step lands on the people holding the responsible unit's (or its parent's) principal and
 * deputy-in-charge posts on the day it is reached (`landing`); a post nobody holds that day is reported to
 * the level above, never skipped silently. Pure: the caller passes tenures and the unit's parent.
 */
import { addDays, type Instant, instantMs, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../calendar/time-zone.js';
import type { Tenure } from '../schemas/org.js';
import type { EscalationStep, Scheme } from '../scheme/scheme.js';

export type { EscalationStep };
export type MatterKind = 'rectification' | 'petition';

/** A rectification's default ladder: the overdue steps of `scheme.rectification` (ids as the alert levels). */
export function defaultRectificationLadder(scheme: Pick<Scheme, 'rectification'>): EscalationStep[] {
  const r = scheme.rectification;
  return [
    { id: 'alert', at: { afterDeadlineDays: r.overdueAlertDays }, action: 'alert_unit' },
    { id: 'escalate', at: { afterDeadlineDays: r.overdueEscalateDays }, action: 'alert_parent' },
    { id: 'accountability', at: { afterDeadlineDays: r.overdueAccountabilityDays }, action: 'propose_case' },
  ];
}

/** The scheme's ladder for a kind of matter. Chosen: petitions have none by default (their SLA rules act). */
export function ladderOf(
  kind: MatterKind,
  scheme: Pick<Scheme, 'rectification' | 'escalation'>,
): EscalationStep[] {
  const own = scheme.escalation?.[kind];
  if (own) return own;
  return kind === 'rectification' ? defaultRectificationLadder(scheme) : [];
}

/** A matter's time limit: from its start (opened, received) to the end of its deadline day. */
export interface TimeLimit {
  start: Instant;
  deadline: LocalDate;
}

/**
 * The instant (ms) a step is reached. Days after the deadline: the first instant of the N-th day after the
 * deadline day (N ≥ 1; a step "after 0 days" is treated as day 1 — a step about being overdue is never
 * before the deadline, as the overdue levels were). A percentage: start + p % of (end of deadline day −
 * start), so 100 % is the first instant after the deadline day, the same instant as day 1.
 */
export function stepDueMs(step: EscalationStep, limit: TimeLimit, timeZone: string): number {
  const end = endOfLocalDay(limit.deadline, timeZone);
  if ('afterDeadlineDays' in step.at)
    return startOfLocalDay(addDays(limit.deadline, Math.max(1, step.at.afterDeadlineDays)), timeZone);
  const start = instantMs(limit.start);
  return start + Math.ceil(((end - start) * step.at.percentOfLimit) / 100);
}

/** Every step reached as of `asOf`, in the ladder's order (all of them, so a missed sweep catches up). */
export function stepsReached(
  ladder: readonly EscalationStep[],
  limit: TimeLimit,
  asOf: Instant,
  timeZone: string,
): EscalationStep[] {
  const now = instantMs(asOf);
  return ladder.filter((s) => stepDueMs(s, limit, timeZone) <= now);
}

/**
 * The instant the next step not yet done falls due, or null when every step is done: what a time-keyed
 * sweep index keys the matter by, re-keyed after each step.
 */
export function nextStepDueMs(
  ladder: readonly EscalationStep[],
  limit: TimeLimit,
  done: ReadonlySet<string>,
  timeZone: string,
): number | null {
  let next: number | null = null;
  for (const s of ladder) {
    if (done.has(s.id)) continue;
    const due = stepDueMs(s, limit, timeZone);
    if (next === null || due < next) next = due;
  }
  return next;
}

/** The marker of a step done on a matter (stored once, so the step happens once). */
export const stepKey = (kind: MatterKind, id: string, stepId: string): string =>
  `ladder:${kind}:${id}:${stepId}`;

export const LEADER_POSTS = ['principal', 'deputy_in_charge'] as const;
export type LeaderPost = (typeof LEADER_POSTS)[number];

export interface Landing {
  /** The unit whose post holders the step lands on. */
  unitId: string;
  day: LocalDate;
  /** The named people holding each leader post that day (a post may have more than one holder). */
  people: { personId: string; post: LeaderPost }[];
  /** Posts nobody held that day: reported to `reportTo`, the level above. */
  vacant: LeaderPost[];
  /** The unit above `unitId` a vacancy is reported to (null at the top of the tree). */
  reportTo: string | null;
}

/**
 * Who a step lands on, the day it is reached: the holders of the target unit's principal and
 * deputy-in-charge posts (the responsible unit for `remind_leaders`, `alert_unit` and `propose_case`;
 * its parent for `alert_parent`), by tenure on `day`. A vacant post is named in `vacant` with the unit
 * above to report it to — so a step with nobody to land on still lands somewhere, one level up.
 */
export function landing(
  step: Pick<EscalationStep, 'action'>,
  unitId: string,
  day: LocalDate,
  tenures: readonly Tenure[],
  parentOf: (unitId: string) => string | null,
): Landing {
  const target = step.action === 'alert_parent' ? (parentOf(unitId) ?? unitId) : unitId;
  const people: Landing['people'] = [];
  const vacant: LeaderPost[] = [];
  for (const post of LEADER_POSTS) {
    const holders = tenures.filter(
      (t) => t.unitId === target && t.post === post && t.from <= day && (t.to === null || day <= t.to),
    );
    if (holders.length === 0) vacant.push(post);
    for (const t of holders)
      if (!people.some((p) => p.personId === t.personId && p.post === post))
        people.push({ personId: t.personId, post });
  }
  people.sort((a, b) =>
    a.post === b.post ? a.personId.localeCompare(b.personId) : a.post === 'principal' ? -1 : 1,
  );
  return { unitId: target, day, people, vacant, reportTo: parentOf(target) };
}

/** The local day an instant falls on in the scheme's zone (the day a step is reached). */
export const landingDay = (ms: number, timeZone: string): LocalDate => localDateOf(ms, timeZone);
