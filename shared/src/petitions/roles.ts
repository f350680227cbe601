/**
 * Who may act on a petition (DESIGN §1): the supervisor (扶贫办 / 督查室) handles petitions and approves
 * deadline extensions. Chosen: nobody else — not the admin (who manages units, people and schemes, not
 * cases; keeping petitions away from the admin is part of whistleblower protection, §6), not the
 * inspector (who reads everything in the jurisdiction but does not handle petitions), not the unit officer
 * (the unit a petition is about must not be the one that decides it).
 */

import type { Instant } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import type { Role } from '../schemas/enums.js';

export const PETITION_ROLES: readonly Role[] = ['supervisor'];

/** The person acting and when (times are passed in; the core reads no clock). */
export interface PetitionActor {
  role: Role;
  at: Instant;
}

export const canActOnPetitions = (role: Role): boolean => PETITION_ROLES.includes(role);

export function assertPetitionRole(role: Role): void {
  if (!canActOnPetitions(role))
    throw new DomainError('petition.forbiddenRole', `role ${role} may not act on petitions`, {
      field: 'role',
    });
}
