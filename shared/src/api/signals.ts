/** 舆情: the requests and answers of the signal routes (ingest, list, triage, read, assign). */

import { idSchema } from '../schemas/common.js';
import { polarity } from '../schemas/enums.js';
import { signalInputSchema, signalSchema } from '../schemas/signal.js';
import * as z from '../zod.js';
import { pageOf, pagingFields } from './common.js';
import { listQuerySchema } from './records.js';

export { signalInputSchema };
export type SignalCreateRequest = z.input<typeof signalInputSchema>;

/** A signal as answered: the record and its version (for expectedVersion). */
export const signalViewSchema = z
  .extend(signalSchema, { version: z.int() })
  .apply(z.withMeta, { id: 'Signal' });
export type SignalView = z.infer<typeof signalViewSchema>;

export const signalPageSchema = pageOf(signalViewSchema);
export type SignalPage = z.infer<typeof signalPageSchema>;

export const signalListQuerySchema = z.extend(z.omit(listQuerySchema, { category: true }), {
  polarity: z.optional(polarity.schema),
});
export type SignalListQuery = z.infer<typeof signalListQuerySchema>;

export const triageQuerySchema = z.strictObject(pagingFields());
export type TriageQuery = z.infer<typeof triageQuerySchema>;

export const signalAssignRequestSchema = z.strictObject({
  unitId: idSchema,
  expectedVersion: z.optional(z.int().check(z.gte(1))),
});
export type SignalAssignRequest = z.input<typeof signalAssignRequestSchema>;
