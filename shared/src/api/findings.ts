/** 督查发现: the requests and answers of the finding routes (log one, a batch, list, read). */

import { type Finding, findingInputSchema, findingSchema } from '../schemas/finding.js';
import type * as z from '../zod.js';
import { pageOf } from './common.js';
import { listQuerySchema } from './records.js';

export type { Finding };
/** A finding is answered as stored: the record of the core, nothing added. */
export { findingInputSchema, findingSchema };
export type FindingCreateRequest = z.input<typeof findingInputSchema>;

export const findingListQuerySchema = listQuerySchema;
export const findingPageSchema = pageOf(findingSchema);
export type FindingPage = z.infer<typeof findingPageSchema>;
