/**
 * The API's shared shapes (zod): the problem+json body, pages, batch envelopes and id parameters. Every
 * route's request and response schemas live beside these, one file per resource (`shared/src/api/`): the
 * functions use them to validate and to generate the OpenAPI document, the SPA takes its types from them
 * (`z.infer`), so a field is declared once. zod/mini (../zod.ts) — `meta` carries the OpenAPI descriptions.
 */
import { LIGHTS } from '../lights/lights.js';
import { shortText } from '../schemas/text.js';
import * as z from '../zod.js';

/** One field the server refused, with its message (and a code where there is one). */
export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem+json, as every failure is answered. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.string().apply(z.withMeta, { description: 'A stable code, e.g. rectification.sameReviewer' }),
    detail: z.optional(z.string()),
    field: z.optional(z.string()).apply(z.withMeta, { description: 'The input field the problem is about' }),
    errors: z.optional(z.array(fieldErrorSchema)).apply(z.withMeta, { description: 'Every field refused' }),
    current: z
      .optional(z.unknown())
      .apply(z.withMeta, { description: 'On a conflict: the record as it is now' }),
  })
  .apply(z.withMeta, { id: 'Problem' });
export type ProblemBody = z.infer<typeof problemSchema>;

/** A record id in a path. */
export const idParam = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)) });

/** One page of a list: its items and the cursor of the next page (null after the last). */
export const pageOf = <T extends z.core.SomeType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.nullable(z.string()) });
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export const MAX_BATCH = 1000;

export const batchRequestSchema = z.strictObject({
  items: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});

/** How one item of a batch was received: created, a duplicate of a stored record, or refused (and why). */
export const batchItemResultSchema = z.discriminatedUnion('status', [
  z.object({ index: z.int(), status: z.literal('accepted'), id: z.string() }),
  z.object({ index: z.int(), status: z.literal('duplicate'), id: z.string() }),
  z.object({
    index: z.int(),
    status: z.literal('rejected'),
    field: z.string(),
    reason: z.string(),
    code: z.string(),
  }),
]);
export type BatchItemResult = z.infer<typeof batchItemResultSchema>;
export const batchResponseSchema = z.object({ items: z.array(batchItemResultSchema) });

/** The paging fields of a list query: the page size and the cursor of the page before. */
export const pagingFields = (defaultLimit = 50) => ({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), defaultLimit),
  // 4,096: the cursor of a list merged from 16 shards holds a position in each (functions' store/cursor.ts).
  cursor: z.optional(z.string().check(z.maxLength(4096))),
});

/**
 * A keyword of a list (issue 17): records whose title or description holds it, compared after NFKC and
 * lower case (`searchKey`), within the caller's scope.
 */
export const keywordField = z.optional(shortText(100)).apply(z.withMeta, {
  description:
    'Keyword: records whose title or description contains it (NFKC, case-insensitive substring). A page reads a bounded number of records of your scope, so it may hold fewer items than asked, with a cursor to continue.',
});

/** A unit id in a query or body (a filter, or the scope unit of a view). */
export const unitIdField = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** The paging fields and a unit: the unit's subtree (inside your jurisdiction). */
export const unitPageFields = (defaultLimit = 50) => ({
  ...pagingFields(defaultLimit),
  unitId: z.optional(unitIdField),
});

/** A month key in a path or query. */
export const monthKeyField = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month like 2025-05' }))
  .apply(z.withMeta, { description: 'YYYY-MM' });

/** 三色预警: an open record's traffic light now, derived at read time (null when not open). */
export const lightSchema = z.nullable(z.enum(LIGHTS)).apply(z.withMeta, {
  id: 'Light',
  description:
    'green on track; yellow within the warning window of the deadline or SLA, or behind its own plan; red overdue; null when not open',
});
/** The `light` list filter: the open records of that light now. */
export const lightQuery = z
  .optional(z.enum(LIGHTS))
  .apply(z.withMeta, { description: 'Only open records whose traffic light is this now' });

/** The `sort` of the lists of records with a clock (按时限排序). */
export const dueSortQuery = z.optional(z.enum(['deadline'])).apply(z.withMeta, {
  description:
    'deadline: the open records only, by the due day of the clock running now (a rectification’s deadline, ' +
    'a petition’s acceptance or handling day), the most overdue first — red, then yellow by its window, then ' +
    'green. Without it: every record, newest first',
});
