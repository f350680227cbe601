/**
 * Accounts (OWASP ASVS V2/V3): one's own password; the security administrator's roles, state, unlock
 * and reset of a user; the password and lockout policy.
 */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../access/passwords.js';
import { role } from '../schemas/enums.js';
import * as z from '../zod.js';
import { accountStateSchema, publicUserSchema } from './auth.js';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** The security administrator's view of an account: the user and its lock. */
export const accountSchema = z
  .extend(publicUserSchema, {
    lockedUntil: z
      .nullable(z.string())
      .apply(z.withMeta, { description: 'While a lockout holds (ISO instant), else null' }),
    failures: z.number(),
  })
  .apply(z.withMeta, { id: 'Account' });
export type AccountView = z.infer<typeof accountSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(256)),
  // A loose bound in UTF-16 units: the password policy counts characters and refuses a long one with
  // its own code (password.tooLong).
  password: z.string().check(z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH * 4)),
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export const setRolesSchema = z.strictObject({
  roles: z.array(role.schema).check(z.minLength(1), z.maxLength(6)),
});
export type SetRoles = z.infer<typeof setRolesSchema>;

export const setStateSchema = z.strictObject({ state: accountStateSchema });
export type SetState = z.infer<typeof setStateSchema>;

export const passwordResetSchema = z.object({ user: accountSchema, temporaryPassword: z.string() });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/**
 * A single sign-on account (POST /sso-accounts, security administrator): the identity provider's
 * username (its AUTH_USERNAME_CLAIM value — an e-mail address is fine; stored lower-cased), a display
 * name and the home unit whose security administrator may disable it. No password, no roles: the
 * provider authenticates it and its claims give the roles.
 */
export const createSsoAccountSchema = z.strictObject({
  username: z.string().check(z.regex(/^[^\s,:]{1,128}$/)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
  unitId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
});
export type CreateSsoAccount = z.infer<typeof createSsoAccountSchema>;

export const accountPolicySchema = z
  .strictObject({
    /** Shortest password accepted (never under 12, ASVS 2.1.1). */
    minPasswordLength: z.int().check(z.gte(MIN_PASSWORD_LENGTH), z.lte(64)),
    /** Consecutive failed sign-ins of a name that lock it … */
    lockoutThreshold: z.int().check(z.gte(3), z.lte(20)),
    /** … for this long (the security administrator can lift it earlier). */
    lockoutMinutes: z.int().check(z.gte(1), z.lte(24 * 60)),
    /** Throttling: sign-in attempts per name, and per client address, in one window. */
    attemptsPerName: z.int().check(z.gte(3), z.lte(100)),
    attemptsPerAddress: z.int().check(z.gte(3), z.lte(10_000)),
    windowSeconds: z.int().check(z.gte(10), z.lte(3600)),
  })
  .apply(z.withMeta, { id: 'AccountPolicy' });
export type AccountPolicy = z.infer<typeof accountPolicySchema>;

export const accountPolicyViewSchema = z.object({ policy: accountPolicySchema, version: z.number() });
export type AccountPolicyView = z.infer<typeof accountPolicyViewSchema>;

export const accountPolicyChangeSchema = z.strictObject({
  policy: accountPolicySchema,
  expectedVersion: z.int().check(z.gte(0)),
});
export type AccountPolicyChange = z.infer<typeof accountPolicyChangeSchema>;
