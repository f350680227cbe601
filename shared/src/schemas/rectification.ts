/** 整改: a rectification tracked to a close approved by two different reviewers (DESIGN §4.4). */
import * as z from '../zod.js';
import { fenSchema, idSchema, instantSchema, localDateSchema, longText, shortText } from './common.js';
import { rectificationSourceKind, rectificationState } from './enums.js';
import { evidenceSchema } from './evidence.js';

export const deadlineChangeSchema = z.strictObject({
  deadline: localDateSchema,
  at: instantSchema,
  by: idSchema,
  reason: z.nullable(shortText(1000)),
});

export const extensionRequestSchema = z.strictObject({
  id: idSchema,
  requestedDeadline: localDateSchema,
  reason: shortText(1000),
  requestedBy: idSchema,
  requestedAt: instantSchema,
  decision: z.enum(['pending', 'approved', 'denied']),
  decidedBy: z.nullable(idSchema),
  decidedAt: z.nullable(instantSchema),
  decisionReason: z.nullable(shortText(1000)),
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

export const noteSchema = z.strictObject({
  at: instantSchema,
  by: idSchema,
  text: longText(4000),
});

/**
 * A closure made offline before the unit moved onto Jiandu (DESIGN §4.7): a ledger's 已销号 row,
 * imported closed. It names where it came from (the import, the file's SHA-256, the row) and who
 * verified it offline — never an in-system reviewer: `firstReviewerId` and `secondReviewerId` stay null.
 */
export const migratedClosureSchema = z.strictObject({
  importId: idSchema,
  fileSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The row's number in the sheet, as Excel shows it. */
  line: z.int().check(z.gte(1)),
  importedBy: idSchema,
  /** The closure day as the ledger gives it (closedAt is the start of that day in the scheme's zone). */
  closedOn: localDateSchema,
  /** The offline verifiers' names as the ledger gives them; empty when the ledger records none. */
  verifiers: z.array(shortText(50)).check(z.maxLength(20)),
});
export type MigratedClosure = z.infer<typeof migratedClosureSchema>;

export const rectificationInputSchema = z.strictObject({
  source: z.strictObject({ kind: rectificationSourceKind.schema, id: z.nullable(idSchema) }),
  unitId: idSchema,
  title: shortText(500),
  description: z.optional(longText(4000)),
  responsiblePerson: z.optional(shortText(50)),
  amountFen: z._default(fenSchema, 0),
  deadline: localDateSchema,
  externalId: z.optional(shortText(100)),
});
export type RectificationInput = z.input<typeof rectificationInputSchema>;

export const rectificationSchema = z.extend(rectificationInputSchema, {
  id: idSchema,
  state: rectificationState.schema,
  /** Optimistic concurrency: every change increments it. */
  version: z.int().check(z.gte(1)),
  measures: z.array(noteSchema),
  progress: z.array(noteSchema),
  evidence: z.array(evidenceSchema),
  /** Every deadline the rectification had, oldest first; the last is `deadline`. */
  deadlines: z.array(deadlineChangeSchema).check(z.minLength(1)),
  extensions: z.array(extensionRequestSchema),
  submittedBy: z.nullable(idSchema),
  submittedAt: z.nullable(instantSchema),
  firstReviewerId: z.nullable(idSchema),
  firstApprovedAt: z.nullable(instantSchema),
  secondReviewerId: z.nullable(idSchema),
  closedAt: z.nullable(instantSchema),
  lastRejection: z.nullable(z.strictObject({ by: idSchema, at: instantSchema, reason: shortText(1000) })),
  createdAt: instantSchema,
  /** Present when it came in closed from a ledger (kept after a reopening: how it was first closed). */
  migratedClosure: z.optional(migratedClosureSchema),
});
export type Rectification = z.infer<typeof rectificationSchema>;
