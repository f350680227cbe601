/**
 * The one rule of the instants live intake carries (a finding's discovery, a petition's receipt, a
 * signal's publication; DESIGN §4.7): the past-instant check every record type passes
 * (pastInstantProblem: not after now beyond the scheme's clock skew, not before the unit existed), and
 * not older than the scheme's live look-back for the field (scheme/defaults.ts LIVE_LOOKBACK_DEFAULT says why each
 * default is what it is). Older instants are history: only the past-records import carries them.
 */
import { addDays, isLocalDate } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import { DomainError } from '../errors/index.js';
import { LIVE_LOOKBACK_DEFAULT } from '../scheme/defaults.js';
import type { Scheme } from '../scheme/scheme.js';
import { type PastInstantContext, pastInstantProblem } from './migration.js';

/** The look-back of a field: the scheme's, or the default where the scheme predates it. */
const lookback = (rules: Scheme['migration'], field: LiveInstantField): number =>
  (rules.liveLookbackDays ?? LIVE_LOOKBACK_DEFAULT)[field];

/** The record instants live intake dates itself, by the name of their field. */
export type LiveInstantField = keyof typeof LIVE_LOOKBACK_DEFAULT;

export type LiveInstantProblem = 'instant.future' | 'instant.beforeUnit' | 'instant.notLive';

/**
 * What is wrong with `value` (a local date or an instant with offset, already well-formed) as the
 * `field` of a record received live now; null: nothing.
 */
export function liveInstantProblem(
  value: string,
  field: LiveInstantField,
  ctx: Omit<PastInstantContext, 'rules'> & { rules: Scheme['migration'] },
): LiveInstantProblem | null {
  const p = pastInstantProblem(value, ctx);
  if (p === 'instant.invalid') return null; // the schema answers a malformed value, with its own code
  if (p !== null) return p;
  const day = isLocalDate(value) ? value : localDateOf(value, ctx.timeZone);
  const earliest = addDays(localDateOf(ctx.nowMs, ctx.timeZone), -lookback(ctx.rules, field));
  return day < earliest ? 'instant.notLive' : null;
}

/** liveInstantProblem as a refusal naming the field (422 at the HTTP edge). */
export function assertLiveInstant(
  value: string,
  field: LiveInstantField,
  ctx: Parameters<typeof liveInstantProblem>[2],
): void {
  const p = liveInstantProblem(value, field, ctx);
  if (p === null) return;
  const days = lookback(ctx.rules, field);
  const why =
    p === 'instant.future'
      ? `${field} lies in the future`
      : p === 'instant.beforeUnit'
        ? `${field} lies before the unit was established`
        : `${field} lies more than ${days} days back: past records enter through the past-records import`;
  throw new DomainError(p, why, { field });
}
