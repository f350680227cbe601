/** 单位 and 任职: the unit tree of your jurisdiction, posts held in a unit, and users (admins). */

import { idSchema, localDateSchema } from '../schemas/common.js';
import { role } from '../schemas/enums.js';
import { tenureSchema, unitSchema } from '../schemas/org.js';
import { shortText } from '../schemas/text.js';
import * as z from '../zod.js';
import { accountSchema } from './accounts.js';
import { unitIdField } from './common.js';

export const unitListSchema = z.object({ items: z.array(unitSchema) });
export type UnitList = z.infer<typeof unitListSchema>;

export const tenureInputSchema = z.strictObject({ tenure: tenureSchema, personName: shortText(50) });
export type TenureInput = z.infer<typeof tenureInputSchema>;

export const tenureListSchema = z.object({
  items: z.array(tenureSchema),
  /** The people's current names, by person id (a person reads 梁书记, not p0036). */
  names: z.record(z.string(), z.string()),
});
export type TenureList = z.infer<typeof tenureListSchema>;

/** Ending a post (the last day in it) or correcting its title; each change an event with its reason. */
export const tenureUpdateSchema = z.strictObject({
  to: z.optional(z.nullable(localDateSchema)),
  title: z.optional(z.nullable(shortText(100))),
  reason: shortText(500),
});
export type TenureUpdate = z.infer<typeof tenureUpdateSchema>;

/** A user of the built-in issuer, created with working roles and a first password to change. */
export const userInputSchema = z.strictObject({
  username: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{1,63}$/)),
  name: shortText(50),
  roles: z.array(role.schema).check(z.minLength(1), z.maxLength(6)),
  unitId: unitIdField,
  password: z
    .string()
    .check(z.minLength(1), z.maxLength(512))
    .apply(z.withMeta, { description: 'The first password, policy-checked; changed at first sign-in' }),
});
export type UserInput = z.infer<typeof userInputSchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema) });
export type AccountList = z.infer<typeof accountListSchema>;

/**
 * Units that move and merge (撤县设区, 撤乡并镇; DESIGN §2): from `effectiveOn` the unit (and its subtree)
 * stands under the new parent — its records' jurisdiction follows, and quarters ending on or after that
 * day are ranked on the new tree; earlier quarters keep the tree they had.
 */
export const unitMoveInputSchema = z.strictObject({
  parentId: idSchema,
  effectiveOn: localDateSchema,
  reason: shortText(500),
});
export type UnitMoveInput = z.infer<typeof unitMoveInputSchema>;

export const unitMergeInputSchema = z
  .strictObject({
    sourceIds: z.array(idSchema).check(z.minLength(1), z.maxLength(20)),
    targetId: idSchema,
    effectiveOn: localDateSchema,
    reason: shortText(500),
  })
  .check(
    z.refine((m) => new Set(m.sourceIds).size === m.sourceIds.length, {
      message: 'a unit is named twice',
      path: ['sourceIds'],
    }),
  );
export type UnitMergeInput = z.infer<typeof unitMergeInputSchema>;

/** A move or merge and how far its re-index of records has come (`done` once every record follows). */
export const unitMoveSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['move', 'merge']),
    unitIds: z
      .array(z.string())
      .apply(z.withMeta, { description: 'The units placed anew (a merge: sources and their children)' }),
    targetId: z
      .string()
      .apply(z.withMeta, { description: 'The new parent (a move) or the surviving unit (a merge)' }),
    effectiveOn: z.string(),
    reason: z.string(),
    state: z.enum(['reindexing', 'done']),
    reindexed: z
      .number()
      .apply(z.withMeta, { description: 'Records whose jurisdiction was rewritten so far' }),
  })
  .apply(z.withMeta, { id: 'UnitMove' });
export type UnitMove = z.infer<typeof unitMoveSchema>;
