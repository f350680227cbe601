/**
 * The leaders answerable for a unit, the subjects of a proposed accountability case (DESIGN §4.2): the
 * people who held its `principal` or `deputy_in_charge` post while the failure happened, each with their
 * days in post per quarter. Consecutive cards, missed petition SLAs and long overdue rectifications
 * count the same way and differ only in the spans they pass.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import {
  type Quarter,
  quarterBounds,
  quarterKey,
  quarterOfDate,
  quartersBetween,
} from '../calendar/quarter.js';
import type { CaseSubject } from '../schemas/accountability.js';
import type { Tenure } from '../schemas/org.js';

/** Local days from `from` to `to`, both inclusive. */
export interface DaySpan {
  from: LocalDate;
  to: LocalDate;
}

const LEADER_POSTS: readonly Tenure['post'][] = ['principal', 'deputy_in_charge'];

const heldOn = (held: readonly Tenure[], d: LocalDate) =>
  held.some((t) => t.from <= d && (t.to === null || d <= t.to));

const later = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? b : a);
const earlier = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

const heldAnyDay = (held: readonly Tenure[], span: DaySpan) => {
  for (let d = span.from; d <= span.to; d = addDays(d, 1)) if (heldOn(held, d)) return true;
  return false;
};

/** Days of [from, to] inside any of the tenures; overlapping tenures (a data error) count a day once. */
function daysHeld(held: readonly Tenure[], from: LocalDate, to: LocalDate): number {
  let days = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (heldOn(held, d)) days++;
  return days;
}

/** The days of a quarter. */
export const quarterSpan = (q: Quarter): DaySpan => {
  const { first, last } = quarterBounds(q);
  return { from: first, to: last };
};

/** The span from the first day of `span.from`'s quarter to the last day of `span.to`'s. */
export const wholeQuarters = (span: DaySpan): DaySpan => ({
  from: quarterBounds(quarterOfDate(span.from)).first,
  to: quarterBounds(quarterOfDate(span.to)).last,
});

/**
 * Everyone who held one of the unit's leader posts on any day of `heldIn`, once per person and post
 * (their tenures of that post add up), with their days in post in every quarter `counted` touches,
 * counting the days of `counted` only. Sorted by person, then post.
 */
export function leadersInPost(
  unitId: string,
  tenures: readonly Tenure[],
  heldIn: DaySpan,
  counted: DaySpan = heldIn,
): CaseSubject[] {
  const byHolder = new Map<string, Tenure[]>();
  for (const t of tenures) {
    if (t.unitId !== unitId || !LEADER_POSTS.includes(t.post)) continue;
    const key = `${t.personId}\u0000${t.post}`;
    byHolder.set(key, [...(byHolder.get(key) ?? []), t]);
  }
  const quarters = quartersBetween(quarterOfDate(counted.from), quarterOfDate(counted.to));
  const out: CaseSubject[] = [];
  for (const held of byHolder.values()) {
    const first = held[0] as Tenure;
    if (!heldAnyDay(held, heldIn)) continue;
    const daysInPost: Record<string, number> = {};
    for (const q of quarters) {
      const b = quarterBounds(q);
      daysInPost[quarterKey(q)] = daysHeld(held, later(b.first, counted.from), earlier(b.last, counted.to));
    }
    out.push({ personId: first.personId, unitId, post: first.post, daysInPost });
  }
  return out.sort((a, b) => cmp(a.personId, b.personId) || cmp(a.post, b.post));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
