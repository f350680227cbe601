/** 信访: the requests and answers of the petition routes (register, list, read, the steps, the reveal). */
import { z } from 'zod';
import { instantSchema, localDateSchema } from '../schemas/common.js';
import { satisfaction } from '../schemas/enums.js';
import { petitionInputSchema, petitionSchema } from '../schemas/petition.js';
import { longText, plainText } from '../schemas/text.js';
import { dueSortQuery, lightQuery, lightSchema, pageOf } from './common.js';
import { listQuerySchema } from './records.js';

export { petitionInputSchema };
export type PetitionCreateRequest = z.input<typeof petitionInputSchema>;

export const petitionListQuerySchema = listQuerySchema.omit({ severity: true }).extend({
  sla: z
    .enum(['overdue', 'pending'])
    .optional()
    .meta({
      description:
        'SLA state now: overdue = an open clock past its due (listed by that due day, the most overdue first, ' +
        'as with sort=deadline; light=red likewise); pending = open, not yet due',
    }),
  repeated: z.enum(['true', 'false']).optional(),
  escalated: z.enum(['true', 'false']).optional(),
  light: lightQuery,
  sort: dueSortQuery,
});
export type PetitionListQuery = z.infer<typeof petitionListQuerySchema>;

const identity = {
  name: z.string(),
  phone: z.string().optional(),
  idNumber: z.string().optional(),
};

export const maskedPetitionerSchema = z
  .object(identity)
  .meta({ id: 'MaskedPetitioner', description: 'Always masked: 张*, 138****1234, 1101**********1234' });

/** One SLA clock now (whole local days in the scheme's zone). */
export const slaClockSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('met'), due: localDateSchema, doneAt: instantSchema }),
    z.object({
      status: z.literal('pending'),
      due: localDateSchema,
      daysLeft: z.number().int().meta({ description: 'due − today (0 on the due day)' }),
    }),
    z.object({
      status: z.literal('missed'),
      due: localDateSchema,
      daysOver: z.number().int().meta({ description: 'done or today − due' }),
      doneAt: instantSchema.nullable(),
    }),
  ])
  .meta({ id: 'SlaClock' });
export type SlaClock = z.infer<typeof slaClockSchema>;

export const petitionViewSchema = petitionSchema
  .extend({
    petitioner: maskedPetitionerSchema,
    version: z.number().int(),
    sla: z.object({
      accept: slaClockSchema,
      handle: slaClockSchema
        .nullable()
        .meta({ description: 'Null while acceptance is undecided, and for a petition not accepted' }),
    }),
    light: lightSchema,
  })
  .meta({ id: 'Petition' });
export type PetitionView = z.infer<typeof petitionViewSchema>;

export const petitionPageSchema = pageOf(petitionViewSchema);
export type PetitionPage = z.infer<typeof petitionPageSchema>;

const expectedVersion = z.number().int().min(1).meta({ description: 'The version you read' });

/** The body of each step, by the step's path (`POST /api/v1/petitions/{id}/{step}`). */
export const petitionStepBodies = {
  accept: z.strictObject({ expectedVersion }),
  'not-accept': z.strictObject({ expectedVersion, reason: plainText().max(1000).nullish() }),
  handle: z.strictObject({ expectedVersion }),
  extend: z.strictObject({ expectedVersion, days: z.number().int().min(-100_000).max(100_000) }),
  close: z.strictObject({ expectedVersion, satisfaction: satisfaction.schema.nullish() }),
} as const;
export type PetitionStepName = keyof typeof petitionStepBodies;
export type PetitionStepBody<S extends PetitionStepName> = z.input<(typeof petitionStepBodies)[S]>;

export const petitionRevealRequestSchema = z.strictObject({ reason: longText(1000) });
export type PetitionRevealRequest = z.input<typeof petitionRevealRequestSchema>;

/** The clear identity, logged with the reason. */
export const petitionRevealSchema = z.object({ id: z.string(), petitioner: z.object(identity) });
export type PetitionReveal = z.infer<typeof petitionRevealSchema>;
