/**
 * Moving units onto Jiandu (DESIGN §4.7): the go-live date of a unit, and the one check every past
 * instant of a migration import passes — whatever record type carries it (a finding's discovery, a
 * petition's receipt, acceptance and handling, a signal's publication, a ledger row's closure).
 */
import { instantMs, isInstant, isLocalDate, type LocalDate } from '../calendar/local-date.js';
import { formatInstant, localDateOf, startOfLocalDay } from '../calendar/time-zone.js';
import type { SlaPetition } from '../petitions/sla.js';
import type { Scheme } from '../scheme/scheme.js';
import type { UnitLike, UnitTree } from '../units/unit-tree.js';

/** What the go-live and past-instant rules read of the scheme's migration data. */
export type MigrationRules = Pick<Scheme['migration'], 'goLive' | 'clockSkewSeconds'>;

/**
 * The day `unitId` went live: the date of its nearest ancestor-or-self listed in the scheme's `goLive`;
 * null when none is (live from the start: no condition of it lies before going live).
 */
export function goLiveOf(tree: UnitTree<UnitLike>, unitId: string, rules: MigrationRules): string | null {
  if (rules.goLive.length === 0 || !tree.has(unitId)) return null;
  const dates = new Map(rules.goLive.map((g) => [g.unitId, g.date]));
  for (const u of tree.ancestry(unitId)) {
    const date = dates.get(u.id); // nearest first
    if (date !== undefined) return date;
  }
  return null;
}

/**
 * Whether a condition of a unit lay wholly before its go-live: it ended (or fell due) on a local date
 * before the go-live day. A condition that lasts into the go-live day or after is live.
 */
export const whollyBeforeGoLive = (lastDay: string, goLive: string | null): boolean =>
  goLive !== null && lastDay < goLive;

/** A time limit as Jiandu counts it: the go-live day when the limit fell before it, else the limit. */
export const countedFrom = (limit: LocalDate, goLive: LocalDate | null): LocalDate =>
  goLive !== null && whollyBeforeGoLive(limit, goLive) ? goLive : limit;

/**
 * A petition's SLA clocks as Jiandu counts them: a clock that started before the unit's go-live (its
 * receipt, its acceptance) starts at the beginning of the go-live day, so its time limit falls after
 * go-live (the rule above: a limit before go-live counts from go-live). What was done before go-live
 * (decided, handled) stays done: a clock stopped before go-live has met its limit.
 */
export function slaCountedFrom<P extends SlaPetition>(p: P, goLive: LocalDate | null, timeZone: string): P {
  if (goLive === null) return p;
  const start = formatInstant(startOfLocalDay(goLive, timeZone), timeZone);
  const before = (at: string | null): at is string =>
    at !== null && whollyBeforeGoLive(localDateOf(at, timeZone), goLive);
  return {
    ...p,
    receivedAt: before(p.receivedAt) ? start : p.receivedAt,
    acceptedAt: before(p.acceptedAt) ? start : p.acceptedAt,
  };
}

/** What is wrong with a past instant, as a code of the import's row problems (null: nothing). */
export type PastInstantProblem = 'instant.invalid' | 'instant.future' | 'instant.beforeUnit';

export interface PastInstantContext {
  /** The server's now (ms). */
  nowMs: number;
  rules: MigrationRules;
  timeZone: string;
  /** The day the unit was established, where known (Unit.establishedOn). */
  establishedOn?: string | undefined;
}

/**
 * The one check of a past instant (an ISO instant with offset, or a local date in the scheme's zone):
 * not after the server's now beyond the scheme's clock-skew tolerance, not on a day before its unit was
 * established. A date is taken as its day: a date of today is not in the future.
 */
export function pastInstantProblem(value: string, ctx: PastInstantContext): PastInstantProblem | null {
  const skewMs = ctx.rules.clockSkewSeconds * 1000;
  let day: string;
  if (isLocalDate(value)) {
    day = value;
    if (day > localDateOf(ctx.nowMs + skewMs, ctx.timeZone)) return 'instant.future';
  } else {
    if (!isInstant(value)) return 'instant.invalid';
    const ms = instantMs(value);
    if (ms > ctx.nowMs + skewMs) return 'instant.future';
    day = localDateOf(ms, ctx.timeZone);
  }
  if (ctx.establishedOn !== undefined && day < ctx.establishedOn) return 'instant.beforeUnit';
  return null;
}
