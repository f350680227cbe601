/** 舆情: the requests and answers of the signal routes (ingest, list, triage, read, assign). */
import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import { polarity } from '../schemas/enums.js';
import { signalInputSchema, signalSchema } from '../schemas/signal.js';
import { pageOf, pagingFields } from './common.js';
import { listQuerySchema } from './records.js';

export { signalInputSchema };
export type SignalCreateRequest = z.input<typeof signalInputSchema>;

/** A signal as answered: the record and its version (for expectedVersion). */
export const signalViewSchema = signalSchema.extend({ version: z.number().int() }).meta({ id: 'Signal' });
export type SignalView = z.infer<typeof signalViewSchema>;

export const signalPageSchema = pageOf(signalViewSchema);
export type SignalPage = z.infer<typeof signalPageSchema>;

export const signalListQuerySchema = listQuerySchema.omit({ category: true }).extend({
  polarity: polarity.schema.optional(),
});
export type SignalListQuery = z.infer<typeof signalListQuerySchema>;

export const triageQuerySchema = z.strictObject(pagingFields());
export type TriageQuery = z.infer<typeof triageQuerySchema>;

export const signalAssignRequestSchema = z.strictObject({
  unitId: idSchema,
  expectedVersion: z.number().int().min(1).optional(),
});
export type SignalAssignRequest = z.input<typeof signalAssignRequestSchema>;
