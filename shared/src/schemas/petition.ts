/** 信访: a citizen petition. The petitioner's identity is personal data (DESIGN §6). */
import * as z from '../zod.js';
import { idSchema, instantSchema, localDateSchema, longText, plainText, shortText } from './common.js';
import { govLevel, petitionChannel, petitionState, problemCategory, satisfaction } from './enums.js';

export const petitionerSchema = z.strictObject({
  name: shortText(50),
  phone: z.optional(
    z.string().check(z.trim(), z.regex(/^[0-9+\-\s()]{5,20}$/, { message: 'a phone number' })),
  ),
  idNumber: z.optional(plainText().check(z.trim(), z.minLength(15), z.maxLength(18 * 3))),
});
export type Petitioner = z.infer<typeof petitionerSchema>;

export const petitionInputSchema = z.strictObject({
  petitioner: petitionerSchema,
  channel: petitionChannel.schema,
  levelReceived: govLevel.schema,
  unitId: idSchema,
  category: problemCategory.schema,
  matter: longText(4000),
  receivedAt: instantSchema,
  externalId: z.optional(shortText(100)),
});
export type PetitionInput = z.input<typeof petitionInputSchema>;

export const petitionSchema = z.extend(z.omit(petitionInputSchema, { petitioner: true }), {
  id: idSchema,
  state: petitionState.schema,
  /** Keyed hash of the normalized identity: matches repeats without storing identity in clear. */
  petitionerKey: z.string().check(z.minLength(1), z.maxLength(128)),
  acceptDue: localDateSchema,
  acceptedAt: z.nullable(instantSchema),
  decidedAt: z.nullable(instantSchema),
  notAcceptedReason: z.nullable(shortText(1000)),
  handleDue: z.nullable(localDateSchema),
  extensionDays: z.int().check(z.gte(0)),
  handledAt: z.nullable(instantSchema),
  closedAt: z.nullable(instantSchema),
  satisfaction: z.nullable(satisfaction.schema),
  /** The earlier petition this one repeats (重复信访), if any. */
  repeatOf: z.nullable(idSchema),
  /** Received above the normal path (越级信访). */
  escalated: z.boolean(),
});
export type Petition = z.infer<typeof petitionSchema>;
