/** 整改台账 import: the query and the row-by-row report of a dry run or a commit. */
import { z } from 'zod';
import { LEDGER_FIELDS } from '../sheets/headers.js';

export const ledgerImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .meta({ description: 'true (default): check only; false: write the valid rows' }),
});

export const ledgerFieldSchema = z.enum(LEDGER_FIELDS);

/** Every problem a ledger row can have (the SPA says each in words). */
export const ledgerProblemCodes = [
  'field.missing',
  'text.tooLong',
  'text.unsafeCharacters',
  'unit.unknown',
  'unit.ambiguous',
  'date.invalid',
  'amount.invalid',
  'amount.negative',
  'amount.tooPrecise',
  'amount.tooLarge',
  // A past instant (the closure date, the discovery date): the core's pastInstantProblem.
  'instant.invalid',
  'instant.future',
  'instant.beforeUnit',
  // A 已销号 row without its closure date: the importer fills it in (a closure needs its day).
  'closure.dateMissing',
  // A closure date on a row whose status says it is not closed: which one is right, the importer says.
  'closure.notClosed',
  'closure.beforeDiscovery',
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
  line: z.number().int(),
  status: z.enum(ledgerRowStatuses),
  problems: z.array(ledgerRowProblemSchema),
  unitId: z.string().optional(),
  rectificationId: z.string().optional(),
  /** For a row that comes (or came) in closed: its closure day and its offline verifiers. */
  closure: z
    .object({
      closedOn: z.string(),
      verifiers: z.array(z.string()).meta({ description: 'Empty when the ledger records none (未记录)' }),
    })
    .optional(),
});
export type LedgerReportRow = z.infer<typeof ledgerReportRowSchema>;

export const ledgerImportReportSchema = z
  .object({
    id: z.string(),
    dryRun: z.boolean(),
    fileName: z.string(),
    format: z.enum(['xlsx', 'csv']),
    encoding: z.enum(['xlsx', 'utf-8', 'utf-16', 'gb18030']),
    sheet: z.string(),
    headerRow: z.number().int(),
    columns: z
      .partialRecord(ledgerFieldSchema, z.string())
      .meta({ description: 'The header each recognised field was read from' }),
    ignoredColumns: z.array(z.string()),
    counts: z.object({
      rows: z.number().int(),
      valid: z.number().int(),
      problems: z.number().int(),
      created: z.number().int(),
      duplicate: z.number().int(),
      pastDeadline: z
        .number()
        .int()
        .meta({ description: 'Valid open rows already past their deadline (overdue once imported)' }),
      closed: z.number().int().meta({ description: 'Valid rows that come in closed (migrated closure)' }),
    }),
    rows: z.array(ledgerReportRowSchema),
    annotated: z.string(),
  })
  .meta({ id: 'LedgerImportReport' });
export type LedgerImportReport = z.infer<typeof ledgerImportReportSchema>;
