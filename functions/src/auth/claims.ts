/**
 * From an identity provider's claims to a Jiandu principal, by configuration: where the roles are
 * (`roles`, Cognito's `cognito:groups`, Keycloak's `realm_access.roles` or `groups`), how the provider's
 * names map to Jiandu's roles (e.g. {"/jiandu/supervisor": "supervisor"}), and where the home unit is.
 * Claims that map to no role, or to a set 三员分立 forbids, give no access.
 */
import { assertRoleSet, type Role, role as roleEnum } from '@jiandu/shared';

export interface ClaimMapping {
  /** Dot path to the roles or groups claim (a string or an array of strings). Default `roles`. */
  rolesClaim?: string;
  /** The provider's role or group names → Jiandu roles. Absent: names equal to Jiandu's role codes. */
  roleMap?: Readonly<Record<string, Role>>;
  /** Dot path to the home unit's id. Default `unit`. */
  unitClaim?: string;
  /**
   * Dot path to the username that names the caller's Jiandu account (single sign-on: the provider
   * authenticates, Jiandu decides who is in — app/auth-middleware.ts). Default `preferred_username`;
   * Cognito: `cognito:username`.
   */
  usernameClaim?: string;
}

const knownRoles = new Set<string>(roleEnum.codes);

/** The value at a dot path (`realm_access.roles`); a key that itself holds a dot or colon is tried whole first. */
export function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let v: unknown = payload;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The username the claims give (lower-cased, as Jiandu stores usernames), or undefined. */
export function usernameOf(payload: Record<string, unknown>, m: ClaimMapping): string | undefined {
  const v = claimAt(payload, m.usernameClaim ?? 'preferred_username');
  return typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined;
}

/** The Jiandu roles and home unit the claims give, or null when they give no access. */
export function principalClaims(
  payload: Record<string, unknown>,
  m: ClaimMapping,
): { roles: Role[]; unitId: string } | null {
  const raw = claimAt(payload, m.rolesClaim ?? 'roles');
  const names = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : []).filter(
    (r): r is string => typeof r === 'string',
  );
  const mapped = names
    .map((n) => (m.roleMap ? m.roleMap[n] : n))
    .filter((r): r is Role => !!r && knownRoles.has(r));
  const roles = [...new Set(mapped)];
  const unitId = claimAt(payload, m.unitClaim ?? 'unit');
  if (roles.length === 0 || typeof unitId !== 'string' || unitId === '') return null;
  try {
    assertRoleSet(roles);
  } catch {
    return null;
  }
  return { roles, unitId };
}
