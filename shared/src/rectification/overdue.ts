/**
 * Overdue is derived, never stored (DESIGN §4.4): a rectification not closed by the end of its deadline
 * day, in the scheme's time zone. Overdue on day 1 → alert; day 15 → alert to the parent unit's
 * supervisors; day 30 → accountability case proposed for the unit's leaders (慢作为). The day counts are
 * scheme data. A closed rectification is never overdue, whenever it was closed.
 */
import { addDays, daysBetween, type Instant, instantMs, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import type { CaseTrigger } from '../schemas/accountability.js';
import type { Rectification } from '../schemas/rectification.js';
import type { Scheme } from '../scheme/scheme.js';

export type OverdueLevel = 'alert' | 'escalate' | 'accountability';
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

export const overdueKey = (rectificationId: string, level: OverdueLevel): string =>
  `rect-overdue:${rectificationId}:${level}`;

export interface OverdueAlertDraft {
  kind: 'alert';
  level: 'alert' | 'escalate';
  /** The alert's `alertKey`. */
  key: string;
  rule: `rectification.overdue.${'alert' | 'escalate'}`;
  subject: { kind: 'rectification'; id: string };
  unitId: string;
  /** Whose supervisors get it: the responsible unit's own (day 1) or its parent unit's (day 15). */
  notify: 'unit' | 'parentUnit';
  severity: 'warning' | 'critical';
  daysOverdue: number;
}

export interface OverdueCaseDraft {
  kind: 'case';
  level: 'accountability';
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
}

export type OverdueAction = OverdueAlertDraft | OverdueCaseDraft;

/**
 * What a sweep at `asOf` raises: one draft per level reached, all of them (not only the highest), so a
 * sweep that missed days still raises the lower levels. Keys are `rect-overdue:<id>:<level>`: the sweep
 * stores each once, so running it daily raises each level once per rectification — for its whole life,
 * including after an approved extension or a reopening (the key does not carry the deadline).
 */
export function overdueActions(
  rect: Rect,
  asOf: Instant,
  scheme: Pick<Scheme, 'rectification' | 'timeZone'>,
): OverdueAction[] {
  const days = daysOverdue(rect, asOf, scheme.timeZone);
  return levelsReached(days, scheme).map((level): OverdueAction => {
    const key = overdueKey(rect.id, level);
    if (level === 'accountability')
      return {
        kind: 'case',
        level,
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
      };
    return {
      kind: 'alert',
      level,
      key,
      rule: `rectification.overdue.${level}`,
      subject: { kind: 'rectification', id: rect.id },
      unitId: rect.unitId,
      notify: level === 'alert' ? 'unit' : 'parentUnit',
      severity: level === 'alert' ? 'warning' : 'critical',
      daysOverdue: days,
    };
  });
}
