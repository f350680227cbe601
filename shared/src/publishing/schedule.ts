/**
 * When a quarter may and must be published (DESIGN §4.2): a quarter is published only once it has ended
 * (its inputs are complete); a schedule publishes it automatically `publishing.autoPublishDelayDays`
 * days after its last day; supervisors may publish earlier, between the two.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import {
  parseQuarter,
  prevQuarter,
  type Quarter,
  type QuarterKey,
  quarterBounds,
  quarterKey,
  quarterOfDate,
} from '../calendar/quarter.js';
import { DomainError } from '../errors/index.js';
import type { Scheme } from '../scheme/scheme.js';

const asQuarter = (q: Quarter | QuarterKey): Quarter => (typeof q === 'string' ? parseQuarter(q) : q);

/** True once the local day `today` is after the quarter's last day. */
export const quarterEnded = (q: Quarter | QuarterKey, today: LocalDate): boolean =>
  today > quarterBounds(asQuarter(q)).last;

/** Refuses to publish a quarter that has not ended (`ranking.quarterNotEnded`). */
export function assertQuarterEnded(q: Quarter | QuarterKey, today: LocalDate): void {
  if (!quarterEnded(q, today))
    throw new DomainError('ranking.quarterNotEnded', `${quarterKey(asQuarter(q))} has not ended`, {
      field: 'quarter',
    });
}

/** The local day the schedule publishes q: its last day + autoPublishDelayDays (10 by default). */
export const autoPublishOn = (q: Quarter | QuarterKey, scheme: Pick<Scheme, 'publishing'>): LocalDate =>
  addDays(quarterBounds(asQuarter(q)).last, scheme.publishing.autoPublishDelayDays);

/**
 * The quarters whose automatic publication is due on `today`, oldest first, looking back `lookback`
 * quarters (so a schedule that missed its day, or a whole quarter, still publishes them).
 */
export function quartersDueForAutoPublish(
  today: LocalDate,
  scheme: Pick<Scheme, 'publishing'>,
  lookback = 2,
): QuarterKey[] {
  const out: QuarterKey[] = [];
  let q = prevQuarter(quarterOfDate(today));
  for (let i = 0; i < lookback; i++, q = prevQuarter(q)) {
    if (today >= autoPublishOn(q, scheme)) out.unshift(quarterKey(q));
  }
  return out;
}
