/**
 * 组织机构导入 (issue 14): a workbook with a 单位 sheet and a 人员任职 sheet (or a csv of either), checked
 * row by row on a dry run and written idempotently on a commit. The report, row by row and by sheet.
 */
import { TENURE_SHEET_FIELDS, UNIT_SHEET_FIELDS } from '../sheets/org-headers.js';
import * as z from '../zod.js';
import { cellProblemCodes, importFileFields } from './imports.js';

export const orgSheetSchema = z.enum(['units', 'tenures']);
export type OrgSheet = z.infer<typeof orgSheetSchema>;

export const orgFieldSchema = z.enum([...UNIT_SHEET_FIELDS, ...TENURE_SHEET_FIELDS]);

/** Every problem a row of either sheet can have (the SPA says each in words). */
export const orgProblemCodes = [
  ...cellProblemCodes,
  'instant.invalid',
  'instant.future',
  'instant.beforeUnit',
  'kind.unknown',
  'post.unknown',
  'parent.unknown',
  'parent.ambiguous',
  'parent.outsideJurisdiction',
  'parent.refused',
  'unit.cycle',
  'unit.duplicate',
  'unit.unknown',
  'unit.ambiguous',
  'unit.outsideJurisdiction',
  'unit.refused',
  'unit.nameDiffers',
  'unit.codeDiffers',
  'unit.parentDiffers',
  'unit.kindDiffers',
  'person.ambiguous',
  'tenure.datesReversed',
  'tenure.duplicate',
  'tenure.principalOverlap',
  'tenure.toDiffers',
] as const;
export type OrgProblemCode = (typeof orgProblemCodes)[number];

/**
 * How much a problem weighs: an `error` refuses the row; a `conflict` says the record exists and differs
 * from the row (nothing is overwritten); a `warning` is worth a look but the row is written.
 */
export const orgProblemSeveritySchema = z.enum(['error', 'conflict', 'warning']);

export const orgRowProblemSchema = z.object({
  field: orgFieldSchema,
  code: z.enum(orgProblemCodes),
  severity: orgProblemSeveritySchema,
});
export type OrgRowProblem = z.infer<typeof orgRowProblemSchema>;

/**
 * A row's outcome: `new` (a dry run: would be created), `created`, `existing` (already in the system,
 * matched by its natural key), `conflict` (exists but differs), `problem` (refused).
 */
export const orgRowStatuses = ['new', 'created', 'existing', 'conflict', 'problem'] as const;

export const orgReportRowSchema = z.object({
  sheet: orgSheetSchema,
  line: z.int(),
  status: z.enum(orgRowStatuses),
  problems: z.array(orgRowProblemSchema),
  /** What the row is about, as written (a unit's name, a person's name). */
  label: z.string(),
  unitId: z.optional(z.string()),
  tenureId: z.optional(z.string()),
  personId: z.optional(z.string()),
});
export type OrgReportRow = z.infer<typeof orgReportRowSchema>;

export const orgSheetCountsSchema = z.object({
  rows: z.int(),
  refused: z.int(),
  conflicts: z.int(),
  new: z.int().apply(z.withMeta, { description: 'Rows a commit would create (dry run)' }),
  created: z.int(),
  existing: z.int(),
  warnings: z.int().apply(z.withMeta, { description: 'Rows with a warning (written anyway)' }),
});
export type OrgSheetCounts = z.infer<typeof orgSheetCountsSchema>;

export const orgSheetInfoSchema = z.object({
  sheet: z
    .string()
    .apply(z.withMeta, { description: 'The sheet’s name in the workbook (csv for a csv file)' }),
  headerRow: z.int(),
  columns: z
    .partialRecord(orgFieldSchema, z.string())
    .apply(z.withMeta, { description: 'The header each recognised field was read from' }),
  ignoredColumns: z.array(z.string()),
});

export const orgImportReportSchema = z
  .object({
    id: z.string(),
    dryRun: z.boolean(),
    ...importFileFields,
    sha256: z.string(),
    sheets: z.object({ units: z.nullable(orgSheetInfoSchema), tenures: z.nullable(orgSheetInfoSchema) }),
    counts: z.object({ units: orgSheetCountsSchema, tenures: orgSheetCountsSchema }),
    rows: z.array(orgReportRowSchema),
    annotated: z.string(),
  })
  .apply(z.withMeta, { id: 'OrgImportReport' });
export type OrgImportReport = z.infer<typeof orgImportReportSchema>;
