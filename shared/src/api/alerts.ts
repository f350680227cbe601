/** 预警: the requests and answers of the alert routes (list, read, acknowledge, resolve). */

import { type Alert, alertSchema } from '../schemas/accountability.js';
import { noteText } from '../schemas/text.js';
import * as z from '../zod.js';
import { keywordField, pageOf, unitPageFields } from './common.js';

export type { Alert };
/** An alert is answered as stored. */
export { alertSchema };

export const alertListQuerySchema = z.strictObject({
  ...unitPageFields(),
  state: z.optional(z.enum(['open', 'acknowledged', 'resolved'])),
  q: keywordField,
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertPageSchema = pageOf(alertSchema);
export type AlertPage = z.infer<typeof alertPageSchema>;

/** The body of acknowledge and resolve. */
export const alertStepRequestSchema = z.strictObject({
  expectedVersion: z.int().check(z.gte(1)),
  note: z.optional(noteText(2000)),
});
export type AlertStepRequest = z.input<typeof alertStepRequestSchema>;
