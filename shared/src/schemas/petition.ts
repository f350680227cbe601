/** 信访: a citizen petition. The petitioner's identity is personal data (DESIGN §6). */
import { z } from 'zod';
import { idSchema, instantSchema, localDateSchema, longText, plainText, shortText } from './common.js';
import { govLevel, petitionChannel, petitionState, problemCategory, satisfaction } from './enums.js';

export const petitionerSchema = z.strictObject({
  name: shortText(50),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s()]{5,20}$/, { message: 'a phone number' })
    .optional(),
  idNumber: plainText()
    .trim()
    .min(15)
    .max(18 * 3)
    .optional(),
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
  externalId: shortText(100).optional(),
});
export type PetitionInput = z.input<typeof petitionInputSchema>;

export const petitionSchema = petitionInputSchema.omit({ petitioner: true }).extend({
  id: idSchema,
  state: petitionState.schema,
  /** Keyed hash of the normalized identity: matches repeats without storing identity in clear. */
  petitionerKey: z.string().min(1).max(128),
  acceptDue: localDateSchema,
  acceptedAt: instantSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  notAcceptedReason: shortText(1000).nullable(),
  handleDue: localDateSchema.nullable(),
  extensionDays: z.number().int().min(0),
  handledAt: instantSchema.nullable(),
  closedAt: instantSchema.nullable(),
  satisfaction: satisfaction.schema.nullable(),
  /** The earlier petition this one repeats (重复信访), if any. */
  repeatOf: idSchema.nullable(),
  /** Received above the normal path (越级信访). */
  escalated: z.boolean(),
});
export type Petition = z.infer<typeof petitionSchema>;
