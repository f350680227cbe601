/**
 * 催办 in the monthly bulletin (issue 16): of the reminders sent in the month, how many were read, and how
 * many were ignored — nobody of the unit read it within `ignoredDays` whole days of the day it was sent, as
 * of the bulletin's day. Read late (after the window) still counts as read: the bulletin reports what was
 * done, and a reminder read on day 5 was not ignored (choice). One sent fewer than `ignoredDays` days before
 * the bulletin's day, unread, is neither read nor ignored yet.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';

export const REMINDER_IGNORED_DAYS_DEFAULT = 3;

export interface ReminderFact {
  unitId: string;
  /** The local day it was sent. */
  day: LocalDate;
  /** How many of the unit's users have read it. */
  reads: number;
}

export interface ReminderCount {
  sent: number;
  read: number;
  ignored: number;
}

export function reminderCounts(
  reminders: readonly ReminderFact[],
  asOf: LocalDate,
  ignoredDays: number,
): ReminderCount & { byUnit: (ReminderCount & { unitId: string })[] } {
  const byUnit = new Map<string, ReminderCount>();
  const total: ReminderCount = { sent: 0, read: 0, ignored: 0 };
  for (const r of reminders) {
    const u = byUnit.get(r.unitId) ?? { sent: 0, read: 0, ignored: 0 };
    byUnit.set(r.unitId, u);
    const read = r.reads > 0;
    const ignored = !read && addDays(r.day, ignoredDays) <= asOf;
    for (const c of [u, total]) {
      c.sent++;
      if (read) c.read++;
      if (ignored) c.ignored++;
    }
  }
  return {
    ...total,
    byUnit: [...byUnit]
      .map(([unitId, c]) => ({ unitId, ...c }))
      .sort((a, b) => b.ignored - a.ignored || b.sent - a.sent || a.unitId.localeCompare(b.unitId)),
  };
}
