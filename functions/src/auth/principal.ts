/** Who is calling: the verified token's subject, roles and home unit. */
import { type Capability, can, type Role, roleWithCapability } from '@jiandu/shared';
import { EdgeError } from '../app/edge-error.js';

export interface Principal {
  id: string;
  name: string;
  roles: Role[];
  /** Home unit: the caller sees records of this unit's subtree only. */
  unitId: string;
  /**
   * The built-in issuer's session version (`sv` claim): a token is good only while it equals the stored
   * user's, which a disable, a password reset or change and a role change bump (tokens.ts, auth-middleware).
   */
  sessionVersion?: number;
  /** The stored user must change their password first: this session may only do that. */
  mustChangePassword?: boolean;
  /**
   * An OpenID provider's token: the username its configured claim gives (ClaimMapping.usernameClaim),
   * which must name an enabled Jiandu account (services/accounts/sso-accounts.ts). Absent on built-in tokens.
   */
  username?: string;
}

/** Whether the caller holds `capability` (access/capabilities.ts in the core is the one table). */
export const holds = (p: Principal, capability: Capability): boolean => can(p.roles, capability);

/** Refuses (403 auth.forbidden) a caller without `capability`. */
export function assertCan(p: Principal, capability: Capability): void {
  if (!can(p.roles, capability))
    throw new EdgeError('auth.forbidden', `your role may not do this (${capability})`);
}

/** The caller's role that grants `capability` (the role an event is recorded under); refuses without one. */
export function actingRole(p: Principal, capability: Capability): Role {
  const role = roleWithCapability(p.roles, capability);
  if (!role) throw new EdgeError('auth.forbidden', `your role may not do this (${capability})`);
  return role;
}
