/** 操作日志: exports, imports, reveals, account events and reads of the log itself, newest first. */
import { z } from 'zod';
import { operationAction } from '../schemas/enums.js';
import { localDateSchema } from '../scheme/scheme.js';
import { pageOf, unitPageFields } from './common.js';

export const operationOutcomeSchema = z.enum(['complete', 'failed', 'refused']);

export const operationEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    role: z.string().meta({ description: "The actor's role ('system' for a start-up or an unknown name)" }),
    action: operationAction.schema,
    target: z
      .string()
      .meta({ description: 'A list name, ranking-snapshot, bulletin, petition, operation-log …' }),
    filter: z.record(z.string(), z.string()).meta({ description: 'The filter as given, or a file name' }),
    reason: z.string().optional(),
    rows: z.number(),
    outcome: operationOutcomeSchema,
    scopeUnitId: z.string(),
    subject: z
      .object({ id: z.string().nullable(), username: z.string() })
      .optional()
      .meta({ description: 'The account an account event is about' }),
    detail: z.record(z.string(), z.string()).optional().meta({ description: 'More about an account event' }),
  })
  .meta({ id: 'OperationEntry' });
export type OperationEntryView = z.infer<typeof operationEntrySchema>;

export const operationLogQuerySchema = z.strictObject({
  ...unitPageFields(),
  action: operationAction.schema.optional(),
  target: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional(),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
export type OperationLogQuery = z.infer<typeof operationLogQuerySchema>;
export const operationPageSchema = pageOf(operationEntrySchema);
