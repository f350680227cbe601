/**
 * What a migration did (迁移记录, issue "Moving a county onto Jiandu"): every committed import — ledger,
 * organisation, past records — leaves one run: rows in / refused / created / updated / unchanged, the
 * records it created by type, the quarters its records count in, and, on request, whether the aggregates
 * of those quarters equal a rebuild from the records.
 */
import { quarterKeySchema } from '../schemas/common.js';
import * as z from '../zod.js';
import { pageOf, unitPageFields } from './common.js';

export const importKinds = ['ledger', 'organisation', 'history'] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

export const importRunSchema = z
  .object({
    id: z.string(),
    kind: importKindSchema,
    /** The upload the run committed (its report and annotated workbook, while the upload is kept). */
    uploadId: z.string(),
    fileName: z.string(),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    at: z.string(),
    importerId: z.string(),
    importerName: z.string(),
    scopeUnitId: z.string(),
    rows: z.object({
      in: z.int().check(z.gte(0)),
      refused: z.int().check(z.gte(0)),
      created: z.int().check(z.gte(0)),
      updated: z.int().check(z.gte(0)),
      unchanged: z
        .int()
        .check(z.gte(0))
        .apply(z.withMeta, { description: 'Rows already in: duplicates, existing units' }),
    }),
    created: z.record(z.string(), z.int().check(z.gte(0))).apply(z.withMeta, {
      description: 'Records created, by type (rectification, finding, unit, tenure …)',
    }),
    quarters: z
      .array(quarterKeySchema)
      .apply(z.withMeta, { description: "The quarters the run's records count in" }),
  })
  .apply(z.withMeta, { id: 'ImportRun' });
export type ImportRun = z.infer<typeof importRunSchema>;

export const importRunQuerySchema = z.strictObject({
  ...unitPageFields(),
  kind: z.optional(importKindSchema),
});
export type ImportRunQuery = z.infer<typeof importRunQuerySchema>;
export const importRunPageSchema = pageOf(importRunSchema);

export const importRunCheckSchema = z
  .object({
    id: z.string(),
    /** Every quarter of the run: its stored aggregates against a rebuild from the records. */
    quarters: z.array(
      z.object({
        quarter: quarterKeySchema,
        units: z
          .int()
          .check(z.gte(0))
          .apply(z.withMeta, { description: 'Units with an aggregate in the quarter' }),
        differences: z
          .array(z.string())
          .apply(z.withMeta, { description: 'Units whose stored aggregate differs' }),
      }),
    ),
    equal: z.boolean(),
    records: z.int().check(z.gte(0)).apply(z.withMeta, { description: 'Scoring records the rebuild read' }),
  })
  .apply(z.withMeta, { id: 'ImportRunCheck' });
export type ImportRunCheck = z.infer<typeof importRunCheckSchema>;
