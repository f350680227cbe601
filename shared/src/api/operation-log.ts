/** 操作日志: exports, imports, reveals, account events and reads of the log itself, newest first. */

import { localDateSchema } from '../schemas/common.js';
import { operationAction } from '../schemas/enums.js';
import * as z from '../zod.js';
import { pageOf, unitPageFields } from './common.js';

export const operationOutcomeSchema = z.enum(['complete', 'failed', 'refused']);

export const operationEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    role: z
      .string()
      .apply(z.withMeta, { description: "The actor's role ('system' for a start-up or an unknown name)" }),
    action: operationAction.schema,
    target: z.string().apply(z.withMeta, {
      description: 'A list name, ranking-snapshot, bulletin, petition, operation-log …',
    }),
    filter: z
      .record(z.string(), z.string())
      .apply(z.withMeta, { description: 'The filter as given, or a file name' }),
    reason: z.optional(z.string()),
    rows: z.number(),
    outcome: operationOutcomeSchema,
    scopeUnitId: z.string(),
    subject: z
      .optional(z.object({ id: z.nullable(z.string()), username: z.string() }))
      .apply(z.withMeta, { description: 'The account an account event is about' }),
    detail: z
      .optional(z.record(z.string(), z.string()))
      .apply(z.withMeta, { description: 'More about an account event' }),
  })
  .apply(z.withMeta, { id: 'OperationEntry' });
export type OperationEntryView = z.infer<typeof operationEntrySchema>;

export const operationLogQuerySchema = z.strictObject({
  ...unitPageFields(),
  action: z.optional(operationAction.schema),
  target: z.optional(z.string().check(z.regex(/^[a-z-]{1,40}$/))),
  from: z.optional(localDateSchema),
  to: z.optional(localDateSchema),
});
export type OperationLogQuery = z.infer<typeof operationLogQuerySchema>;
export const operationPageSchema = pageOf(operationEntrySchema);
