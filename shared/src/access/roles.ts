/**
 * 三员分立 (MLPS 2.0 level 3): the system, security and audit administrators are three different people,
 * and none of them also works on the programme's records — each administrator role is the only role of
 * its holder (chosen: "the audit administrator reads the operation log, nothing else" (DESIGN §1) read
 * for all three, so no administrator audits or secures their own work). Every user has at least one role.
 */
import { DomainError } from '../errors/index.js';
import type { Role } from '../schemas/enums.js';

export const ADMINISTRATOR_ROLES: readonly Role[] = ['admin', 'security_admin', 'audit_admin'];

/** Refuses a role set that joins an administrator role with any other role, or is empty. */
export function assertRoleSet(roles: readonly Role[]): void {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw new DomainError('access.noRole', 'a user needs a role', { field: 'roles' });
  const admins = unique.filter((r) => ADMINISTRATOR_ROLES.includes(r));
  if (admins.length > 0 && unique.length > 1)
    throw new DomainError(
      'access.adminRolesExclusive',
      `${admins.join(', ')} cannot be held with another role (三员分立)`,
      { field: 'roles' },
    );
}
