/** 问责: the requests and answers of the accountability case routes (list, read, the four steps). */
import { z } from 'zod';
import { accountabilityCaseSchema, caseSubjectSchema } from '../schemas/accountability.js';
import { accountabilityForm, caseTriggerKind } from '../schemas/enums.js';
import { longText, noteText } from '../schemas/text.js';
import { dueSortQuery, lightQuery, lightSchema, pageOf } from './common.js';
import { listQuerySchema } from './records.js';

export const caseListQuerySchema = listQuerySchema.extend({
  light: lightQuery,
  sort: dueSortQuery,
  /** What proposed the case (its trigger's kind). */
  trigger: caseTriggerKind.schema.optional(),
});

/** The steps of the case workflow, in order (each a route `POST /api/v1/cases/{id}/{step}`). */
export const caseActionTypes = ['review', 'decide', 'dismiss', 'close'] as const;

/** A case as answered: each subject with the person's current name, and what the caller may do now. */
export const caseViewSchema = accountabilityCaseSchema
  .extend({
    subjects: z.array(
      caseSubjectSchema.extend({
        personName: z
          .string()
          .nullable()
          .meta({ description: "The person's current name (null if the person record is missing)" }),
      }),
    ),
    allowedActions: z.array(z.enum(caseActionTypes)),
    light: lightSchema,
  })
  .meta({ id: 'CaseView' });
export type CaseView = z.infer<typeof caseViewSchema>;

export const casePageSchema = pageOf(caseViewSchema);
export type CasePage = z.infer<typeof casePageSchema>;

const expectedVersion = z.number().int().min(1).meta({ description: 'The version you read' });

/** The body of each step, by the step's path. */
export const caseStepBodies = {
  review: z.strictObject({ expectedVersion }),
  decide: z.strictObject({
    expectedVersion,
    form: accountabilityForm.schema,
    note: noteText(4000).optional(),
  }),
  dismiss: z.strictObject({ expectedVersion, reason: longText(4000) }),
  close: z.strictObject({ expectedVersion, note: noteText(4000).optional() }),
} as const satisfies Record<(typeof caseActionTypes)[number], z.ZodType>;
export type CaseStepName = keyof typeof caseStepBodies;
export type CaseStepBody<S extends CaseStepName> = z.input<(typeof caseStepBodies)[S]>;
