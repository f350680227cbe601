/** 单位 and 任职: the unit tree of your jurisdiction, posts held in a unit, and users (admins). */
import { z } from 'zod';
import { role } from '../schemas/enums.js';
import { tenureSchema, unitSchema } from '../schemas/org.js';
import { shortText } from '../schemas/text.js';
import { accountSchema } from './accounts.js';
import { unitIdField } from './common.js';

export const unitListSchema = z.object({ items: z.array(unitSchema) });
export type UnitList = z.infer<typeof unitListSchema>;

export const tenureInputSchema = z.strictObject({ tenure: tenureSchema, personName: shortText(50) });
export type TenureInput = z.infer<typeof tenureInputSchema>;

export const tenureListSchema = z.object({ items: z.array(tenureSchema) });
export type TenureList = z.infer<typeof tenureListSchema>;

/** A user of the built-in issuer, created with working roles and a first password to change. */
export const userInputSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/),
  name: shortText(50),
  roles: z.array(role.schema).min(1).max(6),
  unitId: unitIdField,
  password: z
    .string()
    .min(1)
    .max(512)
    .meta({ description: 'The first password, policy-checked; changed at first sign-in' }),
});
export type UserInput = z.infer<typeof userInputSchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema) });
export type AccountList = z.infer<typeof accountListSchema>;
