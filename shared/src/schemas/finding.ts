/** 督查发现问题: a finding logged by an inspector; it opens a rectification. */
import * as z from '../zod.js';
import { fenSchema, idSchema, instantSchema, localDateSchema, longText, shortText } from './common.js';
import { findingSeverity, findingSource, problemCategory } from './enums.js';
import { evidenceFileSchema, evidenceSchema } from './evidence.js';

/** Photos an inspector takes in the field (现场照片), at most this many on one finding. */
export const FINDING_PHOTOS = 9;

export const findingInputSchema = z.strictObject({
  unitId: idSchema,
  category: problemCategory.schema,
  severity: findingSeverity.schema,
  source: findingSource.schema,
  description: longText(4000),
  amountFen: z._default(fenSchema, 0),
  discoveredOn: localDateSchema,
  /** Deadline of the rectification the finding opens (default: the scheme's default deadline rule). */
  deadline: z.optional(localDateSchema),
  /** Natural key from the source system (source + externalId make ingestion idempotent). */
  externalId: z.optional(shortText(100)),
  /** Photos of what was found, uploaded first by the inspector (POST /evidence/uploads). */
  photos: z.optional(z.array(evidenceFileSchema).check(z.maxLength(FINDING_PHOTOS))),
});
export type FindingInput = z.input<typeof findingInputSchema>;

export const findingSchema = z.extend(findingInputSchema, {
  id: idSchema,
  inspectorId: idSchema,
  createdAt: instantSchema,
  rectificationId: z.nullable(idSchema),
  /** The photos as stored: each with its id, who uploaded it and when. */
  photos: z.optional(z.array(evidenceSchema).check(z.maxLength(FINDING_PHOTOS))),
});
export type Finding = z.infer<typeof findingSchema>;
