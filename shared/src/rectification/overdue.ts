/**
 * Overdue is derived, never stored (DESIGN §4.4): a rectification not closed by the end of its deadline
 * day, in the scheme's time zone. Overdue on day 1 → alert; day 15 → alert to the parent unit's
 * supervisors; day 30 → accountability case proposed for the unit's leaders (慢作为). The day counts are
 * scheme data. A closed rectification is never overdue, whenever it was closed.
 */
import { addDays, daysBetween, type Instant, instantMs, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, formatInstant, localDateOf, startOfLocalDay } from '../calendar/time-zone.js';
import {
  type EscalationStep,
  ladderOf,
  nextStepDueMs,
  stepDueMs,
  stepsReached,
} from '../escalation/ladder.js';
import type { CaseTrigger } from '../schemas/accountability.js';
import type { Rectification } from '../schemas/rectification.js';
import type { Scheme } from '../scheme/scheme.js';

export type OverdueLevel = 'alert' | 'escalate' | 'accountability';
/** A step of the ladder: one of the default levels, or a scheme's own step id. */
export type OverdueStepId = OverdueLevel | (string & {});
type Rect = Pick<Rectification, 'id' | 'unitId' | 'state' | 'deadline'>;

/** Whole local days after the deadline day: 0 up to the end of the deadline day, 1 on the day after. */
export function daysOverdue(rect: Pick<Rect, 'state' | 'deadline'>, asOf: Instant, timeZone: string): number {
  if (rect.state === 'closed') return 0;
  return Math.max(0, daysBetween(rect.deadline, localDateOf(asOf, timeZone)));
}

/** Closed before the end of the deadline day (its current deadline, after any approved extension). */
export function closedOnTime(
  rect: Pick<Rectification, 'state' | 'deadline' | 'closedAt'>,
  timeZone: string,
): boolean {
  if (rect.state !== 'closed' || rect.closedAt === null) return false;
  return instantMs(rect.closedAt) < endOfLocalDay(rect.deadline, timeZone);
}

const LEVELS = [
  ['alert', 'overdueAlertDays'],
  ['escalate', 'overdueEscalateDays'],
  ['accountability', 'overdueAccountabilityDays'],
] as const;

/**
 * Every level `days` has reached, lowest first. Not overdue (days < 1) reaches none, even if a scheme set
 * a threshold of 0: a level is about being overdue, never a reminder before the deadline.
 */
function levelsReached(days: number, scheme: Pick<Scheme, 'rectification'>): OverdueLevel[] {
  if (days < 1) return [];
  return LEVELS.filter(([, k]) => days >= scheme.rectification[k]).map(([level]) => level);
}

/** The highest level reached: null | 'alert' (≥ 1) | 'escalate' (≥ 15) | 'accountability' (≥ 30). */
export function overdueLevel(days: number, scheme: Pick<Scheme, 'rectification'>): OverdueLevel | null {
  return levelsReached(days, scheme).at(-1) ?? null;
}

export const overdueKey = (rectificationId: string, level: OverdueStepId): string =>
  `rect-overdue:${rectificationId}:${level}`;

export interface OverdueAlertDraft {
  kind: 'alert';
  /** The ladder step (`alert` on day 1, `escalate` on day 15 under the default scheme). */
  level: OverdueStepId;
  /** The alert's `alertKey`. */
  key: string;
  rule: `rectification.overdue.${string}`;
  subject: { kind: 'rectification'; id: string };
  unitId: string;
  /** Whose supervisors get it: the responsible unit's own (day 1) or its parent unit's (day 15). */
  notify: 'unit' | 'parentUnit';
  severity: 'info' | 'warning' | 'critical';
  daysOverdue: number;
  /** What the step does (the ladder's action) and the local day it was reached (whose posts it lands on). */
  action: EscalationStep['action'];
  reachedOn: LocalDate;
}

export interface OverdueCaseDraft {
  kind: 'case';
  level: OverdueStepId;
  /** The case's `triggerKey`. */
  key: string;
  trigger: Extract<CaseTrigger, { kind: 'rectification_overdue' }>;
  /**
   * Subjects: whoever held the unit's `principal` or `deputy_in_charge` post at any time while it was
   * overdue (the day after the deadline to `asOf`, inclusive) — the people of the 慢作为, as §4.2 takes
   * everyone in post during the quarters. The caller resolves them from posts and tenures.
   */
  leadersOf: { unitId: string; from: LocalDate; to: LocalDate };
  daysOverdue: number;
  reachedOn: LocalDate;
}

export type OverdueAction = OverdueAlertDraft | OverdueCaseDraft;

/** A rectification's time limit for its ladder: from `createdAt` (or its deadline day's start) to the deadline. */
function overdueLimit(rect: Pick<Rect, 'deadline'> & { createdAt?: string }, timeZone: string) {
  const start = rect.createdAt ?? formatInstant(startOfLocalDay(rect.deadline, timeZone), timeZone);
  return { start, deadline: rect.deadline };
}

/**
 * The instant (ms) the next step of an open rectification's ladder not in `done` (step ids) falls due, or
 * null when it is closed or every step is done: where the sweeps' wake list keys it (a sweep reads what is
 * due, never every open record). A step due before now and not in `done` (not raised yet) gives an instant
 * in the past: the record stays due until the step is raised.
 */
export function nextOverdueStepMs(
  rect: Rect & { createdAt?: string },
  scheme: Pick<Scheme, 'rectification' | 'timeZone' | 'escalation'>,
  done: ReadonlySet<string>,
): number | null {
  if (rect.state === 'closed') return null;
  return nextStepDueMs(
    ladderOf('rectification', scheme),
    overdueLimit(rect, scheme.timeZone),
    done,
    scheme.timeZone,
  );
}

/**
 * What a sweep at `asOf` raises: one draft per step of the scheme's rectification ladder reached
 * (escalation/ladder.ts), all of them (not only the highest), so a sweep that missed days still raises the
 * lower steps. Without a ladder in the scheme the steps are the overdue days of `scheme.rectification`
 * (day 1 alert to the unit, day 15 alert to the parent unit, day 30 case), with the ids `alert`,
 * `escalate`, `accountability` — the levels and keys this had before ladders, unchanged. Keys are
 * `rect-overdue:<id>:<step id>`: the sweep stores each once, so running it daily raises each step once per
 * rectification — for its whole life, including after an approved extension or a reopening (the key does
 * not carry the deadline). A step at a percentage of the time limit counts from `createdAt` (chosen: the
 * day it was opened; a record without it counts from its deadline day's start).
 * Actions: `alert_unit` → an alert to the unit (warning); `remind_leaders` → a reminder alert to the unit
 * (info); `alert_parent` → an alert to the parent unit (critical); `propose_case` → a case for the leaders.
 */
export function overdueActions(
  rect: Rect & { createdAt?: string },
  asOf: Instant,
  scheme: Pick<Scheme, 'rectification' | 'timeZone' | 'escalation'>,
): OverdueAction[] {
  if (rect.state === 'closed') return [];
  const days = daysOverdue(rect, asOf, scheme.timeZone);
  const limit = overdueLimit(rect, scheme.timeZone);
  const steps = stepsReached(ladderOf('rectification', scheme), limit, asOf, scheme.timeZone);
  return steps.map((step): OverdueAction => {
    const key = overdueKey(rect.id, step.id);
    // The day the step was reached (a sweep that missed days still lands on that day's post holders).
    const reachedOn = localDateOf(stepDueMs(step, limit, scheme.timeZone), scheme.timeZone);
    if (step.action === 'propose_case')
      return {
        kind: 'case',
        level: step.id,
        key,
        trigger: {
          kind: 'rectification_overdue',
          unitId: rect.unitId,
          rectificationId: rect.id,
          daysOverdue: days,
        },
        leadersOf: {
          unitId: rect.unitId,
          from: addDays(rect.deadline, 1),
          to: localDateOf(asOf, scheme.timeZone),
        },
        daysOverdue: days,
        reachedOn,
      };
    return {
      kind: 'alert',
      level: step.id,
      key,
      rule: `rectification.overdue.${step.id}`,
      subject: { kind: 'rectification', id: rect.id },
      unitId: rect.unitId,
      notify: step.action === 'alert_parent' ? 'parentUnit' : 'unit',
      severity:
        step.action === 'alert_parent' ? 'critical' : step.action === 'remind_leaders' ? 'info' : 'warning',
      daysOverdue: days,
      action: step.action,
      reachedOn,
    };
  });
}
