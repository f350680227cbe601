/**
 * 历史数据导入 (past records: findings, petitions, opinion signals, indicators with quarterly actuals;
 * DESIGN §4.7): the query and the report of a dry run or a commit, sheet by sheet and row by row.
 */
import { RECORD_FIELDS, RECORD_KINDS } from '../sheets/records-headers.js';
import * as z from '../zod.js';
import { amountProblemCodes, cellProblemCodes, importFileFields, unitNameProblemCodes } from './imports.js';

export const recordKindSchema = z.enum(RECORD_KINDS);
export const recordFieldSchema = z.enum(RECORD_FIELDS);

/** Every problem a row of a past-records sheet can have (the SPA says each in words). */
export const recordsProblemCodes = [
  ...cellProblemCodes,
  ...unitNameProblemCodes,
  ...amountProblemCodes,
  /** Not one of the values the field takes (a category, a severity, a channel …). */
  'value.unknown',
  /** Not a non-negative number (counts, targets, actuals, a year). */
  'number.invalid',
  'url.invalid',
  'idNumber.invalid',
  'phone.invalid',
  /** After the server's now beyond the scheme's clock skew. */
  'instant.future',
  /** On a day before its unit was established (成立日期). */
  'instant.beforeUnit',
  /** Before the step it follows (accepted before received, handled before accepted …). */
  'instant.order',
  /** A later step without the one it follows (办结时间 without 受理时间, 满意度 without 办结时间 …). */
  'step.missing',
] as const;
export type RecordsProblemCode = (typeof recordsProblemCodes)[number];

export const recordsRowProblemSchema = z.object({
  field: recordFieldSchema,
  code: z.enum(recordsProblemCodes),
});
export type RecordsRowProblem = z.infer<typeof recordsRowProblemSchema>;

export const recordsRowStatuses = ['valid', 'problem', 'created', 'duplicate', 'conflict'] as const;
export type RecordsRowStatus = (typeof recordsRowStatuses)[number];

export const recordsReportRowSchema = z.object({
  line: z.int(),
  status: z.enum(recordsRowStatuses),
  problems: z.array(recordsRowProblemSchema),
  unitId: z.optional(z.string()),
  recordId: z
    .optional(z.string())
    .apply(z.withMeta, { description: 'The record created, or the one it duplicates' }),
});
export type RecordsReportRow = z.infer<typeof recordsReportRowSchema>;

export const recordsSheetReportSchema = z.object({
  kind: recordKindSchema,
  sheet: z.string(),
  headerRow: z.int(),
  columns: z
    .partialRecord(recordFieldSchema, z.string())
    .apply(z.withMeta, { description: 'The header each recognised field was read from' }),
  ignoredColumns: z.array(z.string()),
  counts: z.object({
    rows: z.int(),
    valid: z.int(),
    refused: z.int().apply(z.withMeta, { description: 'Rows with a problem: nothing of them is written' }),
    created: z.int(),
    duplicate: z.int(),
  }),
  rows: z.array(recordsReportRowSchema),
});
export type RecordsSheetReport = z.infer<typeof recordsSheetReportSchema>;

export const recordsImportReportSchema = z
  .object({
    id: z.string(),
    dryRun: z.boolean(),
    ...importFileFields,
    sheets: z.array(recordsSheetReportSchema),
    ignoredSheets: z
      .array(z.string())
      .apply(z.withMeta, { description: 'Sheets whose header row names no kind' }),
    quarters: z.array(z.string()).apply(z.withMeta, {
      description:
        'The quarters whose aggregates the rows (dry run: the valid rows; commit: the created ones) count in',
    }),
    annotated: z.string(),
  })
  .apply(z.withMeta, { id: 'RecordsImportReport' });
export type RecordsImportReport = z.infer<typeof recordsImportReportSchema>;
