/**
 * Traffic lights (三色预警, DESIGN §4.4): derived at read time for open rectifications, petitions and
 * accountability cases, never stored. Red: overdue (the deadline day has ended in the scheme's zone).
 * Yellow: within the scheme's warning window of the deadline or SLA, or behind the record's own plan.
 * Green otherwise. A record that is not open has no light (null).
 *
 * Choices where DESIGN is silent, written at the rule:
 * - The window is the last N days up to and including the deadline day, counted the way that deadline's
 *   rule counts: calendar days, or working days (the calendar with 调休). In working days the window starts
 *   on the N-th working day counting back from the deadline (the deadline itself counts when it is a
 *   working day); rest days inside the window are yellow. N = 0: no window, green until red.
 * - A rectification's deadline is counted as `rectification.defaultDeadline` counts (the rule its
 *   deadlines are made by); a petition's acceptance and handling as `petitions.accept` and `.handle`; a
 *   case's as `lights.caseDecide`.
 * - "Behind its own plan": of what the records hold, only a rectification has a plan — it is opened with a
 *   deadline and is to be started (`assigned` → `in_progress`) within `lights.rectificationStartDays` of
 *   opening (counted as its deadline rule counts). Still `assigned` after that day: yellow. Measures are
 *   free-text notes without planned dates, so they are not a plan this can read.
 * - A petition's light is that of the clock running now: acceptance while `received`, handling while
 *   `accepted`. An accountability case is open while `proposed` or `under_review`; its time limit runs
 *   from the local day it was proposed.
 * - A light is monotone in time while nothing changes: green → yellow → red, never back.
 */
import { addDays, type Instant, instantMs, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import { computeDeadline, isWorkingDay, type WorkingCalendar } from '../calendar/working-days.js';
import { acceptanceDue, handlingDue } from '../petitions/sla.js';
import type { AccountabilityCase } from '../schemas/accountability.js';
import { LIGHT_LABELS } from '../schemas/labels.js';
import type { Petition } from '../schemas/petition.js';
import type { Rectification } from '../schemas/rectification.js';
import { LIGHTS_DEFAULT } from '../scheme/defaults.js';
import type { Scheme } from '../scheme/scheme.js';

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

export { LIGHT_LABELS };

/** The scheme's light settings, the defaults for a scheme stored before lights existed. */
export const lightsOf = (scheme: Pick<Scheme, 'lights'>) => scheme.lights ?? LIGHTS_DEFAULT;

/**
 * The first day of the warning window of `deadline`: the last `days` days up to and including it, in
 * calendar or working days. Null when `days` is 0 (no window).
 */
export function warningStart(
  deadline: LocalDate,
  days: number,
  count: 'calendar' | 'working',
  cal: WorkingCalendar,
): LocalDate | null {
  if (days <= 0) return null;
  if (count === 'calendar') return addDays(deadline, -(days - 1));
  let d = deadline;
  let left = days;
  // A year has at most a few weeks of consecutive rest days: the walk is bounded by days + a year.
  for (let i = 0; i < days + 366; i++) {
    if (isWorkingDay(d, cal) && --left === 0) return d;
    d = addDays(d, -1);
  }
  return d;
}

export interface LightClock {
  deadline: LocalDate;
  warnDays: number;
  count: 'calendar' | 'working';
  /** The day by which the record's own plan wanted a step done, not done yet; null without a plan. */
  planDue?: LocalDate | null;
}

/** The light of one running clock as of `asOf`. */
export function lightAt(
  clock: LightClock,
  asOf: Instant,
  scheme: Pick<Scheme, 'timeZone' | 'calendar'>,
): Light {
  const tz = scheme.timeZone;
  const ms = instantMs(asOf);
  if (ms >= endOfLocalDay(clock.deadline, tz)) return 'red';
  const today = localDateOf(asOf, tz);
  const start = warningStart(clock.deadline, clock.warnDays, clock.count, scheme.calendar);
  if (start !== null && today >= start) return 'yellow';
  if (clock.planDue != null && ms >= endOfLocalDay(clock.planDue, tz)) return 'yellow';
  return 'green';
}

type LightScheme = Pick<Scheme, 'timeZone' | 'calendar' | 'lights' | 'rectification' | 'petitions'>;

export type LightRectification = Pick<Rectification, 'state' | 'deadline' | 'createdAt'>;

/** The clock of an open rectification (null when closed). */
export function rectificationClock(rect: LightRectification, scheme: LightScheme): LightClock | null {
  if (rect.state === 'closed') return null;
  const cfg = lightsOf(scheme);
  const count = scheme.rectification.defaultDeadline.count;
  const planDue =
    rect.state === 'assigned'
      ? computeDeadline(
          localDateOf(rect.createdAt, scheme.timeZone),
          { days: cfg.rectificationStartDays, count, rollOffNonWorking: false },
          scheme.calendar,
        )
      : null;
  return { deadline: rect.deadline, warnDays: cfg.rectificationWarnDays, count, planDue };
}

export type LightPetition = Pick<Petition, 'state' | 'receivedAt' | 'acceptedAt' | 'extensionDays'>;

/** The clock running now on an open petition: acceptance while received, handling while accepted. */
export function petitionClock(p: LightPetition, scheme: LightScheme): LightClock | null {
  const cfg = lightsOf(scheme);
  const s = scheme as Scheme;
  if (p.state === 'received')
    return {
      deadline: acceptanceDue(p.receivedAt, s),
      warnDays: cfg.petitionAcceptWarnDays,
      count: scheme.petitions.accept.count,
    };
  if (p.state === 'accepted' && p.acceptedAt !== null)
    return {
      deadline: handlingDue(p.acceptedAt, p.extensionDays, s),
      warnDays: cfg.petitionHandleWarnDays,
      count: scheme.petitions.handle.count,
    };
  return null;
}

export type LightCase = Pick<AccountabilityCase, 'state' | 'proposedAt'> & {
  decideBy?: LocalDate | undefined;
};

/** The day a case proposed at `proposedAt` is to be decided: `lights.caseDecide` from that day. */
export function caseDecideBy(proposedAt: Instant, scheme: LightScheme): LocalDate {
  return computeDeadline(
    localDateOf(proposedAt, scheme.timeZone),
    lightsOf(scheme).caseDecide,
    scheme.calendar,
  );
}

/** The decision deadline of an open case (proposed or under review): the day kept on it, else computed. */
export function caseClock(c: LightCase, scheme: LightScheme): LightClock | null {
  if (c.state !== 'proposed' && c.state !== 'under_review') return null;
  const cfg = lightsOf(scheme);
  const deadline = c.decideBy ?? caseDecideBy(c.proposedAt, scheme);
  return { deadline, warnDays: cfg.caseWarnDays, count: cfg.caseDecide.count };
}

const lightOf = (clock: LightClock | null, asOf: Instant, scheme: LightScheme): Light | null =>
  clock === null ? null : lightAt(clock, asOf, scheme);

export const rectificationLight = (r: LightRectification, asOf: Instant, scheme: LightScheme) =>
  lightOf(rectificationClock(r, scheme), asOf, scheme);
export const petitionLight = (p: LightPetition, asOf: Instant, scheme: LightScheme) =>
  lightOf(petitionClock(p, scheme), asOf, scheme);
export const caseLight = (c: LightCase, asOf: Instant, scheme: LightScheme) =>
  lightOf(caseClock(c, scheme), asOf, scheme);

/**
 * The deadline range a light filter means on a list of open records as of `asOf`, for a list that can
 * filter by deadline (the rectification list): red = deadline before today; yellow-by-window = deadline
 * from today to the last day whose window has started; green = later. Behind-plan yellows are not in a
 * deadline range: a caller filters the page's items by `rectificationLight` after the range narrows them.
 * Chosen for the working-day count: the last deadline whose window has started is found by walking
 * forward from today, bounded.
 */
export function lightDeadlineRange(
  light: Light,
  asOf: Instant,
  warnDays: number,
  count: 'calendar' | 'working',
  scheme: Pick<Scheme, 'timeZone' | 'calendar'>,
): { from?: LocalDate; to?: LocalDate } {
  const today = localDateOf(asOf, scheme.timeZone);
  if (light === 'red') return { to: addDays(today, -1) };
  // The last deadline d with warningStart(d) <= today.
  let last: LocalDate | null = null;
  for (let d = today, i = 0; i < warnDays * 7 + 400; i++, d = addDays(d, 1)) {
    const start = warningStart(d, warnDays, count, scheme.calendar);
    if (start === null || start > today) break;
    last = d;
  }
  if (light === 'yellow')
    return last === null ? { from: today, to: addDays(today, -1) } : { from: today, to: last };
  return { from: last === null ? today : addDays(last, 1) };
}
