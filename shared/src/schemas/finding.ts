/** 督查发现问题: a finding logged by an inspector; it opens a rectification. */
import { z } from 'zod';
import { fenSchema, idSchema, instantSchema, localDateSchema, longText, shortText } from './common.js';
import { findingSeverity, findingSource, problemCategory } from './enums.js';
import { evidenceFileSchema, evidenceSchema } from './rectification.js';

/** Photos an inspector takes in the field (现场照片), at most this many on one finding. */
export const FINDING_PHOTOS = 9;

export const findingInputSchema = z.strictObject({
  unitId: idSchema,
  category: problemCategory.schema,
  severity: findingSeverity.schema,
  source: findingSource.schema,
  description: longText(4000),
  amountFen: fenSchema.default(0),
  discoveredOn: localDateSchema,
  /** Deadline of the rectification the finding opens (default: the scheme's default deadline rule). */
  deadline: localDateSchema.optional(),
  /** Natural key from the source system (source + externalId make ingestion idempotent). */
  externalId: shortText(100).optional(),
  /** Photos of what was found, uploaded first by the inspector (POST /evidence/uploads). */
  photos: z.array(evidenceFileSchema).max(FINDING_PHOTOS).optional(),
});
export type FindingInput = z.input<typeof findingInputSchema>;

export const findingSchema = findingInputSchema.extend({
  id: idSchema,
  inspectorId: idSchema,
  createdAt: instantSchema,
  rectificationId: idSchema.nullable(),
  /** The photos as stored: each with its id, who uploaded it and when. */
  photos: z.array(evidenceSchema).max(FINDING_PHOTOS).optional(),
});
export type Finding = z.infer<typeof findingSchema>;
