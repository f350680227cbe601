/** 预警: the requests and answers of the alert routes (list, read, acknowledge, resolve). */
import { z } from 'zod';
import { type Alert, alertSchema } from '../schemas/accountability.js';
import { noteText } from '../schemas/text.js';
import { keywordField, pageOf, unitPageFields } from './common.js';

export type { Alert };
/** An alert is answered as stored. */
export { alertSchema };

export const alertListQuerySchema = z.strictObject({
  ...unitPageFields(),
  state: z.enum(['open', 'acknowledged', 'resolved']).optional(),
  q: keywordField,
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertPageSchema = pageOf(alertSchema);
export type AlertPage = z.infer<typeof alertPageSchema>;

/** The body of acknowledge and resolve. */
export const alertStepRequestSchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  note: noteText(2000).optional(),
});
export type AlertStepRequest = z.input<typeof alertStepRequestSchema>;
