/**
 * 项目资金台账 (DESIGN §4.6): a fund project carries its running totals; every ledger entry — an
 * allocation (拨付到项目的资金) or a disbursement (项目支出) — is its own record, and moves the
 * project's totals in the same write. Money is integer fen; an entry's amount is positive.
 */
import { DomainError } from '../errors/index.js';
import {
  fenSchema,
  idSchema,
  instantSchema,
  localDateSchema,
  noteText,
  shortText,
} from '../schemas/common.js';
import { type FundProject, fundProjectSchema } from '../schemas/fund.js';
import * as z from '../zod.js';

export const fundEntryKinds = ['allocation', 'disbursement'] as const;
export const fundEntryKindSchema = z.enum(fundEntryKinds);
export type FundEntryKind = z.infer<typeof fundEntryKindSchema>;

/** A positive amount: a zero entry records nothing. */
const amountSchema = fenSchema.check(z.refine((n) => n > 0, { message: 'an amount is more than 0 fen' }));

/** What a caller sends to open a project: its first allocation may come with it. */
export const fundProjectInputSchema = z.strictObject({
  unitId: idSchema,
  name: shortText(200),
  plannedCompletion: localDateSchema,
  allocatedFen: z._default(fenSchema, 0),
  /** Natural key from the source system (source + externalId make ingestion idempotent). */
  source: z._default(shortText(50), 'manual'),
  externalId: z.optional(shortText(100)),
});
export type FundProjectInput = z.input<typeof fundProjectInputSchema>;

/** A stored project: the rule's fields plus provenance and the number of entries it has. */
export const fundProjectRecordSchema = z.extend(fundProjectSchema, {
  source: shortText(50),
  externalId: z.nullable(shortText(100)),
  entries: z.int().check(z.gte(0)),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type FundProjectRecord = z.infer<typeof fundProjectRecordSchema>;

export const fundEntryInputSchema = z.strictObject({
  projectId: idSchema,
  kind: fundEntryKindSchema,
  amountFen: amountSchema,
  /** The day the money moved (local date). */
  date: localDateSchema,
  note: z._default(noteText(500), ''),
  source: z._default(shortText(50), 'manual'),
  externalId: z.optional(shortText(100)),
});
export type FundEntryInput = z.input<typeof fundEntryInputSchema>;

export const fundEntrySchema = z.strictObject({
  id: idSchema,
  projectId: idSchema,
  unitId: idSchema,
  kind: fundEntryKindSchema,
  amountFen: amountSchema,
  date: localDateSchema,
  note: noteText(500),
  source: shortText(50),
  externalId: z.nullable(shortText(100)),
  recordedAt: instantSchema,
  recordedBy: idSchema,
});
export type FundEntry = z.infer<typeof fundEntrySchema>;

/**
 * The project after one entry: an allocation adds to allocatedFen, a disbursement to disbursedFen.
 * Chosen: a disbursement beyond the balance is recorded, not refused — the ledger keeps what happened,
 * and the funds view shows the project over-disbursed (its unspent is floored at 0 by the idle rule).
 */
export function applyFundEntry<P extends FundProject & { entries: number }>(
  project: P,
  entry: Pick<FundEntry, 'projectId' | 'kind' | 'amountFen'>,
): P {
  if (entry.projectId !== project.id)
    throw new DomainError('funds.invalid', `entry is for ${entry.projectId}, not ${project.id}`, {
      field: 'projectId',
    });
  const sum = (a: number) => {
    const total = a + entry.amountFen;
    if (!Number.isSafeInteger(total))
      throw new DomainError('funds.invalid', 'the total exceeds what can be counted', { field: 'amountFen' });
    return total;
  };
  return entry.kind === 'allocation'
    ? { ...project, allocatedFen: sum(project.allocatedFen), entries: project.entries + 1 }
    : { ...project, disbursedFen: sum(project.disbursedFen), entries: project.entries + 1 };
}
