/** Sign-in and sign-out with the built-in issuer; the user as a session sees itself. */

import { role } from '../schemas/enums.js';
import * as z from '../zod.js';

export const accountStateSchema = z.enum(['active', 'disabled']);
export type AccountState = z.infer<typeof accountStateSchema>;

export const publicUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    roles: z.array(role.schema),
    unitId: z.string(),
    state: accountStateSchema,
    sessionVersion: z.number(),
    mustChangePassword: z
      .boolean()
      .apply(z.withMeta, { description: 'The session may only change the password' }),
  })
  .apply(z.withMeta, { id: 'User' });
export type PublicUser = z.infer<typeof publicUserSchema>;

export const signInRequestSchema = z.strictObject({
  username: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** A session: the signed token (also set as the HttpOnly cookie), its expiry (epoch seconds), the user. */
export const signedInSchema = z.object({ token: z.string(), expiresAt: z.number(), user: publicUserSchema });
export type SignedIn = z.infer<typeof signedInSchema>;

/** Sign-out sends `{}`: every write is JSON (the CSRF argument of the session cookie). */
export const emptyBodySchema = z.strictObject({});
