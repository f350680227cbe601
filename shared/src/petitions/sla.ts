/**
 * Petition SLA (DESIGN §4.3, 信访工作条例): decide acceptance within 15 days of receipt, handle within 60
 * days of acceptance, one extension of up to 30 days. Every number comes from `scheme.petitions`; dates are
 * local dates in the scheme's zone and a deadline is the END of its local day (§4).
 */
import { daysBetween, type Instant, instantMs, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import { computeDeadline } from '../calendar/working-days.js';
import { DomainError } from '../errors/index.js';
import type { Petition } from '../schemas/petition.js';
import type { Scheme } from '../scheme/scheme.js';
import { assertPetitionRole, type PetitionActor } from './roles.js';

/** Acceptance due: computeDeadline(local received date, scheme.petitions.accept). */
export const acceptanceDue = (receivedAt: Instant, scheme: Scheme): LocalDate =>
  computeDeadline(localDateOf(receivedAt, scheme.timeZone), scheme.petitions.accept, scheme.calendar);

/**
 * Handling due: computeDeadline(local acceptance date, scheme.petitions.handle), then the approved
 * extension. Chosen: the extended due is the (already rolled) handling due + `extensionDays`, counted the
 * way the handling rule counts (calendar days by default) and rolled off a non-working day when the
 * handling rule rolls (it does by default) — an extension lengthens the handling period, and a period's
 * end is treated the same whether or not it was extended.
 */
export function handlingDue(acceptedAt: Instant, extensionDays: number, scheme: Scheme): LocalDate {
  const rule = scheme.petitions.handle;
  const base = computeDeadline(localDateOf(acceptedAt, scheme.timeZone), rule, scheme.calendar);
  if (extensionDays <= 0) return base;
  return computeDeadline(base, { ...rule, days: extensionDays }, scheme.calendar);
}

type ExtendablePetition = Pick<Petition, 'state' | 'acceptedAt' | 'extensionDays' | 'handleDue'>;

/**
 * Approve the one extension (supervisor only). Chosen rules, checked in this order: the petition must be
 * accepted and not yet handled (`petition.invalidTransition`); `days` is a whole number ≥ 1
 * (`petition.invalidExtensionDays`); at most `maxExtensions` extensions, recorded as `extensionDays > 0`
 * (`petition.extensionUsed`); at most `extensionMaxDays` days (`petition.extensionTooLong`); and it must be
 * approved before the current handling due has ended (`petition.extensionTooLate`) — an SLA already
 * missed cannot be un-missed, which also means an extension is always known at any time it matters.
 * The record holds one extension (`extensionDays`), so a scheme allowing more than one is treated as one.
 */
export function extendPetition<P extends ExtendablePetition>(
  petition: P,
  days: number,
  actor: PetitionActor,
  scheme: Scheme,
): P {
  assertPetitionRole(actor.role);
  const { acceptedAt } = petition;
  if (petition.state !== 'accepted' || acceptedAt === null)
    throw new DomainError('petition.invalidTransition', `cannot extend a ${petition.state} petition`);
  if (!Number.isInteger(days) || days < 1)
    throw new DomainError('petition.invalidExtensionDays', `not a number of days: ${days}`, {
      field: 'days',
    });
  const cfg = scheme.petitions;
  if (cfg.maxExtensions < 1 || petition.extensionDays > 0)
    throw new DomainError('petition.extensionUsed', 'the extension was already used', { field: 'days' });
  if (days > cfg.extensionMaxDays)
    throw new DomainError('petition.extensionTooLong', `at most ${cfg.extensionMaxDays} days`, {
      field: 'days',
    });
  const current = handlingDue(acceptedAt, 0, scheme);
  if (instantMs(actor.at) >= endOfLocalDay(current, scheme.timeZone))
    throw new DomainError('petition.extensionTooLate', `handling was due ${current}`, { field: 'at' });
  return { ...petition, extensionDays: days, handleDue: handlingDue(acceptedAt, days, scheme) };
}

/** One SLA clock as of an instant. Days are whole local days in the scheme's zone. */
export type SlaClock =
  /** Done by the end of the due day. */
  | { status: 'met'; due: LocalDate; doneAt: Instant }
  /** Not done yet, due not passed: `daysLeft` = due − today (0 on the due day). */
  | { status: 'pending'; due: LocalDate; daysLeft: number }
  /** Done late (`doneAt` set) or not done by the end of the due day: `daysOver` = done or today − due. */
  | { status: 'missed'; due: LocalDate; daysOver: number; doneAt: Instant | null };

export interface SlaStatus {
  accept: SlaClock;
  /** Null while acceptance is undecided as of `asOf`, and for a petition that was not accepted. */
  handle: SlaClock | null;
}

export type SlaPetition = Pick<
  Petition,
  'receivedAt' | 'acceptedAt' | 'decidedAt' | 'handledAt' | 'extensionDays'
>;

function clock(due: LocalDate, doneAt: Instant | null, asOf: Instant, scheme: Scheme): SlaClock {
  const tz = scheme.timeZone;
  const end = endOfLocalDay(due, tz);
  const asOfMs = instantMs(asOf);
  // Something that happens after `asOf` has not happened yet as of `asOf` (chosen: at `asOf` it has).
  const done = doneAt !== null && instantMs(doneAt) <= asOfMs ? doneAt : null;
  if (done !== null && instantMs(done) < end) return { status: 'met', due, doneAt: done };
  if (done !== null)
    return { status: 'missed', due, daysOver: daysBetween(due, localDateOf(done, tz)), doneAt };
  if (asOfMs >= end)
    return { status: 'missed', due, daysOver: daysBetween(due, localDateOf(asOf, tz)), doneAt: null };
  return { status: 'pending', due, daysLeft: Math.max(0, daysBetween(localDateOf(asOf, tz), due)) };
}

/**
 * Both SLA clocks of a petition as of `asOf`, recomputed from its times (the stored `acceptDue` and
 * `handleDue` are the same values, kept for display and queries). A decision not to accept meets the
 * acceptance SLA like an acceptance does; the handling clock starts at acceptance.
 */
export function slaStatus(petition: SlaPetition, asOf: Instant, scheme: Scheme): SlaStatus {
  const asOfMs = instantMs(asOf);
  const decidedAt = petition.decidedAt ?? petition.acceptedAt;
  const accept = clock(acceptanceDue(petition.receivedAt, scheme), decidedAt, asOf, scheme);
  const { acceptedAt } = petition;
  if (acceptedAt === null || instantMs(acceptedAt) > asOfMs) return { accept, handle: null };
  const due = handlingDue(acceptedAt, petition.extensionDays, scheme);
  return { accept, handle: clock(due, petition.handledAt, asOf, scheme) };
}
