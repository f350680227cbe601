/**
 * The petition state machine (DESIGN §3, §4.3): received → accepted | not_accepted (with a reason);
 * accepted → handled → closed, closing with the petitioner's satisfaction from the follow-up call (回访).
 * `not_accepted` and `closed` are final. Every transition is pure: it returns the new petition, with the
 * time passed in. Only the supervisor acts (roles.ts); a time before the previous step is refused.
 */
import { type Instant, instantMs } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import { type Satisfaction, satisfaction as satisfactionEnum } from '../schemas/enums.js';
import type { Petition, PetitionInput } from '../schemas/petition.js';
import type { Scheme } from '../scheme/scheme.js';
import { assertPetitionRole, canActOnPetitions, type PetitionActor } from './roles.js';
import { acceptanceDue, handlingDue } from './sla.js';

/** The fields of a received petition that are not in its input (identity is stored apart, encrypted). */
export interface ReceivedMeta {
  id: string;
  petitionerKey: string;
  repeatOf: string | null;
  escalated: boolean;
}

/** A new petition in state `received`, with its acceptance due. */
export function receivePetition(
  input: Omit<PetitionInput, 'petitioner'>,
  meta: ReceivedMeta,
  scheme: Scheme,
): Petition {
  return {
    ...input,
    ...meta,
    state: 'received',
    acceptDue: acceptanceDue(input.receivedAt, scheme),
    acceptedAt: null,
    decidedAt: null,
    notAcceptedReason: null,
    handleDue: null,
    extensionDays: 0,
    handledAt: null,
    closedAt: null,
    satisfaction: null,
  };
}

export type PetitionAction = 'accept' | 'notAccept' | 'handle' | 'close' | 'extend';

const FROM: Record<PetitionAction, Petition['state']> = {
  accept: 'received',
  notAccept: 'received',
  handle: 'accepted',
  extend: 'accepted',
  close: 'handled',
};

/** What `role` may do to a petition in its current state (for the UI; the transitions check again). */
export const availablePetitionActions = (p: Pick<Petition, 'state'>, role: PetitionActor['role']) =>
  canActOnPetitions(role)
    ? (Object.keys(FROM) as PetitionAction[]).filter((a) => FROM[a] === p.state)
    : ([] as PetitionAction[]);

type Stamps = Pick<Petition, 'state' | 'receivedAt' | 'decidedAt' | 'handledAt'>;

function check(p: Stamps, action: PetitionAction, actor: PetitionActor): void {
  assertPetitionRole(actor.role);
  if (p.state !== FROM[action])
    throw new DomainError('petition.invalidTransition', `cannot ${action} a ${p.state} petition`);
  const last = p.handledAt ?? p.decidedAt ?? p.receivedAt;
  if (instantMs(actor.at) < instantMs(last))
    throw new DomainError('petition.invalidTransition', `${actor.at} is before ${last}`, { field: 'at' });
}

/** received → accepted; the handling clock starts (handleDue). */
export function acceptPetition(p: Petition, actor: PetitionActor, scheme: Scheme): Petition {
  check(p, 'accept', actor);
  const at: Instant = actor.at;
  return { ...p, state: 'accepted', acceptedAt: at, decidedAt: at, handleDue: handlingDue(at, 0, scheme) };
}

/** received → not_accepted, with a reason (`petition.reasonRequired`). */
export function notAcceptPetition(p: Petition, reason: string, actor: PetitionActor): Petition {
  check(p, 'notAccept', actor);
  const r = (reason ?? '').trim();
  if (r === '') throw new DomainError('petition.reasonRequired', 'a reason is required', { field: 'reason' });
  return { ...p, state: 'not_accepted', decidedAt: actor.at, notAcceptedReason: r };
}

/** accepted → handled (办理完毕). */
export function handlePetition(p: Petition, actor: PetitionActor): Petition {
  check(p, 'handle', actor);
  return { ...p, state: 'handled', handledAt: actor.at };
}

/** handled → closed; REQUIRES the satisfaction from the follow-up call (`petition.satisfactionRequired`). */
export function closePetition(
  p: Petition,
  satisfaction: Satisfaction | null | undefined,
  actor: PetitionActor,
): Petition {
  check(p, 'close', actor);
  if (satisfaction == null || !satisfactionEnum.codes.includes(satisfaction))
    throw new DomainError('petition.satisfactionRequired', 'satisfaction is required to close', {
      field: 'satisfaction',
    });
  return { ...p, state: 'closed', closedAt: actor.at, satisfaction };
}
