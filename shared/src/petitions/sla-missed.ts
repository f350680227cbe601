/**
 * DESIGN §4.3 (001): a repeated or escalated petition whose earlier petition missed its SLA → an alert,
 * and an accountability case proposed for the leaders of the unit that missed it. The subjects (people in
 * post) are resolved by the caller from tenures; this decides whether, against which unit, and the keys.
 */
import type { Alert, CaseTrigger } from '../schemas/accountability.js';
import type { Petition } from '../schemas/petition.js';
import type { Scheme } from '../scheme/scheme.js';
import { comparePetitions, matterKey, type RepeatCandidate } from './repeats.js';
import { type SlaPetition, slaStatus } from './sla.js';

export type LaterPetition = RepeatCandidate & Pick<Petition, 'repeatOf' | 'escalated'>;
export type EarlierPetition = RepeatCandidate & SlaPetition;

export type PetitionAlertDraft = Pick<
  Alert,
  'rule' | 'alertKey' | 'subject' | 'unitId' | 'notifyUnitId' | 'severity' | 'message'
>;

export interface PetitionSlaMissed {
  missed: 'accept' | 'handle';
  earlierPetitionId: string;
  alert: PetitionAlertDraft;
  proposal: { triggerKey: string; trigger: CaseTrigger; unitId: string };
}

export const SLA_MISSED_RULE = 'petition.slaMissed';

/**
 * The earlier petition a repeated or escalated one is checked against: its `repeatOf`. Chosen for an
 * escalated petition that repeats nothing: the most recent earlier petition of the same petitioner key and
 * matter, regardless of the repeat window (going over the responsible level's head after that petition
 * was not dealt with is the case 001 describes; the window only defines 重复). None for a petition that is
 * neither, or when the earlier one is not among `sameKeyPetitions`.
 */
export function earlierPetitionOf<E extends EarlierPetition>(
  later: LaterPetition,
  sameKeyPetitions: readonly E[],
): E | null {
  if (later.repeatOf !== null) return sameKeyPetitions.find((p) => p.id === later.repeatOf) ?? null;
  if (!later.escalated) return null;
  const k = matterKey(later);
  let best: E | null = null;
  for (const p of sameKeyPetitions) {
    if (p.id === later.id || matterKey(p) !== k || comparePetitions(p, later) >= 0) continue;
    if (best === null || comparePetitions(p, best) > 0) best = p;
  }
  return best;
}

/**
 * Whether the earlier petition missed its SLA as of the later one's receipt — acceptance not decided by
 * its acceptance due (checked first), or, once accepted, not handled by its handling due including an
 * extension — and if so the alert and the case proposal against the earlier petition's responsible unit.
 * Chosen keys: both name the earlier petition (`petition.slaMissed|<id>`, `petition_sla_missed|<id>`), so
 * one missed SLA raises one alert and one case, however many later petitions reveal it and whatever order
 * they are ingested in.
 */
export function slaMissedActions(
  later: LaterPetition,
  sameKeyPetitions: readonly EarlierPetition[],
  scheme: Scheme,
): PetitionSlaMissed | null {
  const earlier = earlierPetitionOf(later, sameKeyPetitions);
  if (earlier === null) return null;
  const status = slaStatus(earlier, later.receivedAt, scheme);
  const missed =
    status.accept.status === 'missed' ? 'accept' : status.handle?.status === 'missed' ? 'handle' : null;
  if (missed === null) return null;
  const how = later.repeatOf !== null ? '重复信访' : '越级信访';
  const what =
    missed === 'accept' ? `未在${status.accept.due}前作出受理决定` : `未在${status.handle?.due}前办结`;
  return {
    missed,
    earlierPetitionId: earlier.id,
    alert: {
      rule: SLA_MISSED_RULE,
      alertKey: `${SLA_MISSED_RULE}|${earlier.id}`,
      subject: { kind: 'petition', id: earlier.id },
      unitId: earlier.unitId,
      notifyUnitId: earlier.unitId,
      severity: 'critical',
      message: `信访件${earlier.id}${what}，信访人${how}（${later.id}）`,
    },
    proposal: {
      triggerKey: `petition_sla_missed|${earlier.id}`,
      trigger: {
        kind: 'petition_sla_missed',
        unitId: earlier.unitId,
        petitionId: later.id,
        earlierPetitionId: earlier.id,
        missed,
      },
      unitId: earlier.unitId,
    },
  };
}
