/** 问责: the requests and answers of the accountability case routes (list, read, the four steps). */

import { accountabilityCaseSchema, caseSubjectSchema } from '../schemas/accountability.js';
import { accountabilityForm, caseTriggerKind } from '../schemas/enums.js';
import { longText, noteText } from '../schemas/text.js';
import * as z from '../zod.js';
import { dueSortQuery, lightQuery, lightSchema, pageOf } from './common.js';
import { listQuerySchema } from './records.js';

export const caseListQuerySchema = z.extend(listQuerySchema, {
  light: lightQuery,
  sort: dueSortQuery,
  /** What proposed the case (its trigger's kind). */
  trigger: z.optional(caseTriggerKind.schema),
});

/** The steps of the case workflow, in order (each a route `POST /api/v1/cases/{id}/{step}`). */
export const caseActionTypes = ['review', 'decide', 'dismiss', 'close'] as const;

/** A case as answered: each subject with the person's current name, and what the caller may do now. */
export const caseViewSchema = z
  .extend(accountabilityCaseSchema, {
    subjects: z.array(
      z.extend(caseSubjectSchema, {
        personName: z.nullable(z.string()).apply(z.withMeta, {
          description: "The person's current name (null if the person record is missing)",
        }),
      }),
    ),
    allowedActions: z.array(z.enum(caseActionTypes)),
    light: lightSchema,
  })
  .apply(z.withMeta, { id: 'CaseView' });
export type CaseView = z.infer<typeof caseViewSchema>;

export const casePageSchema = pageOf(caseViewSchema);
export type CasePage = z.infer<typeof casePageSchema>;

const expectedVersion = z.int().check(z.gte(1)).apply(z.withMeta, { description: 'The version you read' });

/** The body of each step, by the step's path. */
export const caseStepBodies = {
  review: z.strictObject({ expectedVersion }),
  decide: z.strictObject({
    expectedVersion,
    form: accountabilityForm.schema,
    note: z.optional(noteText(4000)),
  }),
  dismiss: z.strictObject({ expectedVersion, reason: longText(4000) }),
  close: z.strictObject({ expectedVersion, note: z.optional(noteText(4000)) }),
} as const satisfies Record<(typeof caseActionTypes)[number], z.ZodMiniType>;
export type CaseStepName = keyof typeof caseStepBodies;
export type CaseStepBody<S extends CaseStepName> = z.input<(typeof caseStepBodies)[S]>;
