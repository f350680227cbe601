/** 信访: the requests and answers of the petition routes (register, list, read, the steps, the reveal). */
import { instantSchema, localDateSchema } from '../schemas/common.js';
import { satisfaction } from '../schemas/enums.js';
import { petitionInputSchema, petitionSchema } from '../schemas/petition.js';
import { longText, plainText } from '../schemas/text.js';
import * as z from '../zod.js';
import { dueSortQuery, lightQuery, lightSchema, pageOf } from './common.js';
import { listQuerySchema } from './records.js';

export { petitionInputSchema };
export type PetitionCreateRequest = z.input<typeof petitionInputSchema>;

export const petitionListQuerySchema = z.extend(z.omit(listQuerySchema, { severity: true }), {
  sla: z.optional(z.enum(['overdue', 'pending'])).apply(z.withMeta, {
    description:
      'SLA state now: overdue = an open clock past its due (listed by that due day, the most overdue first, ' +
      'as with sort=deadline; light=red likewise); pending = open, not yet due',
  }),
  repeated: z.optional(z.enum(['true', 'false'])),
  escalated: z.optional(z.enum(['true', 'false'])),
  light: lightQuery,
  sort: dueSortQuery,
});
export type PetitionListQuery = z.infer<typeof petitionListQuerySchema>;

const identity = {
  name: z.string(),
  phone: z.optional(z.string()),
  idNumber: z.optional(z.string()),
};

export const maskedPetitionerSchema = z.object(identity).apply(z.withMeta, {
  id: 'MaskedPetitioner',
  description: 'Always masked: 张*, 138****1234, 1101**********1234',
});

/** One SLA clock now (whole local days in the scheme's zone). */
export const slaClockSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('met'), due: localDateSchema, doneAt: instantSchema }),
    z.object({
      status: z.literal('pending'),
      due: localDateSchema,
      daysLeft: z.int().apply(z.withMeta, { description: 'due − today (0 on the due day)' }),
    }),
    z.object({
      status: z.literal('missed'),
      due: localDateSchema,
      daysOver: z.int().apply(z.withMeta, { description: 'done or today − due' }),
      doneAt: z.nullable(instantSchema),
    }),
  ])
  .apply(z.withMeta, { id: 'SlaClock' });
export type SlaClock = z.infer<typeof slaClockSchema>;

export const petitionViewSchema = z
  .extend(petitionSchema, {
    petitioner: maskedPetitionerSchema,
    version: z.int(),
    sla: z.object({
      accept: slaClockSchema,
      handle: z.nullable(slaClockSchema).apply(z.withMeta, {
        description: 'Null while acceptance is undecided, and for a petition not accepted',
      }),
    }),
    light: lightSchema,
  })
  .apply(z.withMeta, { id: 'Petition' });
export type PetitionView = z.infer<typeof petitionViewSchema>;

export const petitionPageSchema = pageOf(petitionViewSchema);
export type PetitionPage = z.infer<typeof petitionPageSchema>;

const expectedVersion = z.int().check(z.gte(1)).apply(z.withMeta, { description: 'The version you read' });

/** The body of each step, by the step's path (`POST /api/v1/petitions/{id}/{step}`). */
export const petitionStepBodies = {
  accept: z.strictObject({ expectedVersion }),
  'not-accept': z.strictObject({ expectedVersion, reason: z.nullish(plainText().check(z.maxLength(1000))) }),
  handle: z.strictObject({ expectedVersion }),
  extend: z.strictObject({ expectedVersion, days: z.int().check(z.gte(-100_000), z.lte(100_000)) }),
  close: z.strictObject({ expectedVersion, satisfaction: z.nullish(satisfaction.schema) }),
} as const;
export type PetitionStepName = keyof typeof petitionStepBodies;
export type PetitionStepBody<S extends PetitionStepName> = z.input<(typeof petitionStepBodies)[S]>;

export const petitionRevealRequestSchema = z.strictObject({ reason: longText(1000) });
export type PetitionRevealRequest = z.input<typeof petitionRevealRequestSchema>;

/** The clear identity, logged with the reason. */
export const petitionRevealSchema = z.object({ id: z.string(), petitioner: z.object(identity) });
export type PetitionReveal = z.infer<typeof petitionRevealSchema>;
