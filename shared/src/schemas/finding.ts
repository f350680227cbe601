/** 督查发现问题: a finding logged by an inspector; it opens a rectification. */
import { z } from 'zod';
import { fenSchema, idSchema, instantSchema, localDateSchema, longText, shortText } from './common.js';
import { findingSeverity, findingSource, problemCategory } from './enums.js';

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
});
export type FindingInput = z.input<typeof findingInputSchema>;

export const findingSchema = findingInputSchema.extend({
  id: idSchema,
  inspectorId: idSchema,
  createdAt: instantSchema,
  rectificationId: idSchema.nullable(),
});
export type Finding = z.infer<typeof findingSchema>;
