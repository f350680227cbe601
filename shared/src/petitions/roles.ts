/**
 * Who may act on a petition (DESIGN §1): whoever holds `petition.handle` in access/capabilities.ts (the
 * supervisor, and why nobody else, is written there).
 */
import { can } from '../access/capabilities.js';

import type { Instant } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import type { Role } from '../schemas/enums.js';

/** The person acting and when (times are passed in; the core reads no clock). */
export interface PetitionActor {
  role: Role;
  at: Instant;
}

export const canActOnPetitions = (role: Role): boolean => can([role], 'petition.handle');

export function assertPetitionRole(role: Role): void {
  if (!canActOnPetitions(role))
    throw new DomainError('petition.forbiddenRole', `role ${role} may not act on petitions`, {
      field: 'role',
    });
}
