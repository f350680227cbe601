/**
 * What every collection's routes share beyond the common envelopes: the list query (paging, unit,
 * state, category, severity, date range), the answer to a create that named a known record, and the
 * generic record routes — any record's event history, and reading a finding by collection.
 */
import { localDateSchema } from '../schemas/common.js';
import { ledgerEventSchema } from '../schemas/event.js';
import { findingSchema } from '../schemas/finding.js';
import * as z from '../zod.js';
import { idParam, keywordField, unitPageFields } from './common.js';

/** The query of a collection's list: its paging and the filters most collections share. */
export const listQuerySchema = z.strictObject({
  ...unitPageFields(),
  state: z.optional(z.string().check(z.regex(/^[a-z_]{1,32}$/))),
  category: z.optional(z.string().check(z.regex(/^[a-z_0-9]{1,32}$/))),
  severity: z.optional(z.string().check(z.regex(/^[a-z_]{1,32}$/))),
  from: z.optional(localDateSchema),
  to: z.optional(localDateSchema),
  q: keywordField,
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/**
 * The 200 answer of a create whose natural key (source + externalId, or a repost's URL or text) names
 * a record already stored: that record's id. A retry of the same Idempotency-Key instead answers the
 * first answer again, status and all.
 */
export const duplicateOfSchema = z
  .object({
    duplicateOf: z.string().apply(z.withMeta, { description: 'The id of the record already stored' }),
  })
  .apply(z.withMeta, { id: 'DuplicateOf' });
export type DuplicateOf = z.infer<typeof duplicateOfSchema>;

/** Collections whose records' histories a caller may read (users' histories stay with admins). */
export const historyCollections = [
  'findings',
  'petitions',
  'signals',
  'rectifications',
  'cases',
  'alerts',
  'units',
  'indicators',
  'cards',
  'snapshots',
  'fund-projects',
  'bulletins',
] as const;
export type HistoryCollection = (typeof historyCollections)[number];

export const historyParamsSchema = z.object({ collection: z.enum(historyCollections), id: idParam.shape.id });

/** One event of a record's history, with the acting user's current name (not part of the chain). */
export const historyEventSchema = z
  .extend(ledgerEventSchema, {
    actorName: z
      .nullable(z.string())
      .apply(z.withMeta, { description: "The acting user's current name; null if unknown (or the system)" }),
  })
  .apply(z.withMeta, { id: 'HistoryEvent' });
export type HistoryEvent = z.infer<typeof historyEventSchema>;

/** A record's whole history, oldest first. */
export const historySchema = z.object({ items: z.array(historyEventSchema) });
export type History = z.infer<typeof historySchema>;

/** GET /api/v1/{collection}/{id}: the collections read through the generic route. */
export const recordParamsSchema = z.object({ collection: z.enum(['findings']), id: idParam.shape.id });
/**
 * What the generic read answers: only findings are read this way, so it is a finding — with the title of
 * the rectification it opened, so a person reads 对应整改 by its title, not its id, and who logged it (issue 17).
 */
export const recordSchema = z.extend(findingSchema, {
  rectificationTitle: z.optional(z.nullable(z.string())),
  /** Who logged it (the inspector's name; null for an account no longer stored). */
  inspectorName: z.optional(z.nullable(z.string())),
});
export type FindingView = z.infer<typeof recordSchema>;
