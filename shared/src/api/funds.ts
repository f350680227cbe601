/** 资金: the funds view of a unit, fund projects (one with its ledger) and ledger entries. */

import { fundEntrySchema, fundProjectRecordSchema } from '../funds/ledger.js';
import { fundProjectLineSchema, fundsRowSchema, fundsTotalsSchema } from '../funds/view.js';
import * as z from '../zod.js';
import { pageOf, unitIdField, unitPageFields } from './common.js';

export type { FundEntry, FundEntryInput, FundProjectInput } from '../funds/ledger.js';
export type { FundsTotals } from '../funds/view.js';

export const fundsViewQuerySchema = z.strictObject({ unitId: z.optional(unitIdField) });

/** A project line of the view, with the version of its record (for a change at that version). */
export const fundProjectLineViewSchema = z.extend(fundProjectLineSchema, { version: z.number() });
export type FundProjectLineView = z.infer<typeof fundProjectLineViewSchema>;

export const fundsViewSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  asOf: z.string(),
  thresholdFen: z.number(),
  totals: fundsTotalsSchema,
  rows: z.array(fundsRowSchema),
  projects: z
    .array(fundProjectLineViewSchema)
    .apply(z.withMeta, { description: 'Idle first, then by unspent money' }),
});
export type FundsView = z.infer<typeof fundsViewSchema>;

export const fundProjectViewSchema = z
  .extend(fundProjectRecordSchema, { version: z.int().check(z.gte(1)) })
  .apply(z.withMeta, { id: 'FundProject' });
export type FundProjectView = z.infer<typeof fundProjectViewSchema>;

/** One project with its ledger entries, oldest first. */
export const fundProjectDetailSchema = z.extend(fundProjectViewSchema, { ledger: z.array(fundEntrySchema) });
export type FundProjectDetail = z.infer<typeof fundProjectDetailSchema>;

export const fundProjectListQuerySchema = z.strictObject({ ...unitPageFields(100) });
export type FundProjectListQuery = z.infer<typeof fundProjectListQuerySchema>;
export const fundProjectPageSchema = pageOf(fundProjectViewSchema);
