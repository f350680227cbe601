/** 整改台账 import: the query and the row-by-row report of a dry run or a commit. */

import { LEDGER_FIELDS } from '../sheets/headers.js';
import * as z from '../zod.js';

/** Every import's query: a dry run unless the caller says commit. */
export const importQuerySchema = z.object({
  dryRun: z
    ._default(z.enum(['true', 'false']), 'true')
    .apply(z.withMeta, { description: 'true (default): check only; false: write the rows without problems' }),
});

/** How an imported file was read, as every import's report says it. */
export const importFileFields = {
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.enum(['xlsx', 'utf-8', 'utf-16', 'gb18030']),
};

/** The problems a cell of any import's sheet can have: missing, unsafe or too long text, a bad date. */
export const cellProblemCodes = [
  'field.missing',
  'text.tooLong',
  'text.unsafeCharacters',
  'date.invalid',
] as const;
/** A unit named by a row (责任单位, 单位) that is not found, or not found once. */
export const unitNameProblemCodes = ['unit.unknown', 'unit.ambiguous'] as const;
/** An amount in 万元 or 元 (the sheets' amount parser). */
export const amountProblemCodes = [
  'amount.invalid',
  'amount.negative',
  'amount.tooPrecise',
  'amount.tooLarge',
] as const;

export const ledgerFieldSchema = z.enum(LEDGER_FIELDS);

/** Every problem a ledger row can have (the SPA says each in words). */
export const ledgerProblemCodes = [
  ...cellProblemCodes,
  ...unitNameProblemCodes,
  ...amountProblemCodes,
  // A past instant (the closure date, the discovery date): the core's pastInstantProblem.
  'instant.invalid',
  'instant.future',
  'instant.beforeUnit',
  // A 已销号 row without its closure date: the importer fills it in (a closure needs its day).
  'closure.dateMissing',
  // A closure date on a row whose status says it is not closed: which one is right, the importer says.
  'closure.notClosed',
  'closure.beforeDiscovery',
  // A row exported from Jiandu (记录编号) in a file for new records: it updates, never duplicates.
  'record.useUpdate',
  // The round trip: a 记录编号 of no record you may update, a 版本 that is not a number, a status
  // change the workflow does not allow by import (closing needs two reviewers in the system).
  'record.unknown',
  'version.invalid',
  'status.notByImport',
] as const;
export type LedgerProblemCode = (typeof ledgerProblemCodes)[number];

/** One problem of a row: the ledger column and its code. */
export const ledgerRowProblemSchema = z.object({
  field: ledgerFieldSchema,
  code: z.enum(ledgerProblemCodes),
});
export type LedgerRowProblem = z.infer<typeof ledgerRowProblemSchema>;

export const ledgerRowStatuses = ['valid', 'problem', 'created', 'duplicate', 'conflict'] as const;

export const ledgerReportRowSchema = z.object({
  line: z.int(),
  status: z.enum(ledgerRowStatuses),
  problems: z.array(ledgerRowProblemSchema),
  unitId: z.optional(z.string()),
  rectificationId: z.optional(z.string()),
  /** For a row that comes (or came) in closed: its closure day and its offline verifiers. */
  closure: z.optional(
    z.object({
      closedOn: z.string(),
      verifiers: z
        .array(z.string())
        .apply(z.withMeta, { description: 'Empty when the ledger records none (未记录)' }),
    }),
  ),
});
export type LedgerReportRow = z.infer<typeof ledgerReportRowSchema>;

export const ledgerImportReportSchema = z
  .object({
    id: z.string(),
    dryRun: z.boolean(),
    ...importFileFields,
    sheet: z.string(),
    headerRow: z.int(),
    columns: z
      .partialRecord(ledgerFieldSchema, z.string())
      .apply(z.withMeta, { description: 'The header each recognised field was read from' }),
    ignoredColumns: z.array(z.string()),
    counts: z.object({
      rows: z.int(),
      valid: z.int(),
      problems: z.int(),
      created: z.int(),
      duplicate: z.int(),
      pastDeadline: z.int().apply(z.withMeta, {
        description: 'Valid open rows already past their deadline (overdue once imported)',
      }),
      closed: z.int().apply(z.withMeta, { description: 'Valid rows that come in closed (migrated closure)' }),
    }),
    rows: z.array(ledgerReportRowSchema),
    annotated: z.string(),
  })
  .apply(z.withMeta, { id: 'LedgerImportReport' });
export type LedgerImportReport = z.infer<typeof ledgerImportReportSchema>;

/**
 * The ledger round trip (DESIGN §7, issue 14): a ledger exported from Jiandu (its 记录编号 and 版本
 * columns), edited offline, imported back to update its records by id. Each row: `unchanged`, `update`
 * (dry run: what the commit will write), `updated`, `conflict` (the record changed in the system since
 * the export: its version is not the file's — nothing is overwritten) or `problem`.
 */
export const ledgerUpdateStatuses = ['unchanged', 'update', 'updated', 'conflict', 'problem'] as const;

export const ledgerChangeSchema = z.object({
  field: z.enum(['measures', 'progress', 'status']),
  from: z.nullable(z.string()),
  to: z.string(),
});
export type LedgerChange = z.infer<typeof ledgerChangeSchema>;

export const ledgerUpdateRowSchema = z.object({
  line: z.int(),
  status: z.enum(ledgerUpdateStatuses),
  problems: z.array(ledgerRowProblemSchema),
  rectificationId: z.optional(z.string()),
  /** The version the file was exported at, and the record's version now (after the commit's writes). */
  fileVersion: z.optional(z.int()),
  currentVersion: z.optional(z.int()),
  /** The workflow writes the row's edits become, in order (each an audited event of the record). */
  changes: z.array(ledgerChangeSchema),
});
export type LedgerUpdateRow = z.infer<typeof ledgerUpdateRowSchema>;

export const ledgerUpdateReportSchema = z
  .object({
    id: z.string(),
    dryRun: z.boolean(),
    fileName: z.string(),
    sheet: z.string(),
    headerRow: z.int(),
    counts: z.object({
      rows: z.int(),
      unchanged: z.int(),
      update: z.int(),
      updated: z.int(),
      conflict: z.int(),
      problems: z.int(),
    }),
    rows: z.array(ledgerUpdateRowSchema),
  })
  .apply(z.withMeta, { id: 'LedgerUpdateReport' });
export type LedgerUpdateReport = z.infer<typeof ledgerUpdateReportSchema>;
