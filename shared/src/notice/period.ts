/**
 * The notice period (公示期, DESIGN §4.2): how long a frozen draft is on notice, counted in working days
 * of the scheme's calendar (weekends, 法定节假日 and 调休上班 days as the calendar says).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import { DomainError } from '../errors/index.js';
import type { Scheme } from '../scheme/scheme.js';

export type NoticePeriodRule = NonNullable<Scheme['publishing']['noticePeriod']>;

/** The scheme's notice period, or null when it sets none (quarters are published directly). */
export const noticePeriodOf = (scheme: Pick<Scheme, 'publishing'>): NoticePeriodRule | null =>
  scheme.publishing.noticePeriod ?? null;

/**
 * The last day of a notice that began on `startedOn`: N working days after it. Chosen: the day the
 * draft goes on notice is not counted (it is usually put up during that day), as with every other
 * working-day count of the scheme (addWorkingDays); the notice runs to the end of its last day.
 */
export const noticeEndsOn = (startedOn: LocalDate, workingDays: number, cal: WorkingCalendar): LocalDate =>
  addWorkingDays(startedOn, workingDays, cal);

/** True while `today` is on or before the notice's last day. */
export const noticeOpen = (endsOn: LocalDate, today: LocalDate): boolean => today <= endsOn;

/**
 * Whether a quarter may be published directly (without a notice period): yes when the scheme sets
 * none or does not require it; `notice.required` otherwise.
 */
export function assertDirectPublicationAllowed(scheme: Pick<Scheme, 'publishing'>): void {
  if (noticePeriodOf(scheme)?.required)
    throw new DomainError('notice.required', 'the scheme puts a quarter on notice before it is published', {
      field: 'quarter',
    });
}
