/**
 * Pieces every route shares: the Idempotency-Key header, problem responses, batch envelopes, JSON
 * content, pages, and the routes that are the same for every collection (list, read, ingest one or a
 * batch).
 */

import {
  type BatchItemResult,
  batchRequestSchema,
  batchResponseSchema,
  duplicateOfSchema,
  idParam,
  MAX_BATCH,
  pageOf,
} from '@jiandu/shared/api';
import * as z from '@jiandu/shared/zod';
import { type AccessRule, defineRoute } from '../app/authorize.js';
import type { ApiApp } from '../app/router.js';
import type { Principal } from '../auth/principal.js';
import type { StoredResponse } from '../services/records/idempotency.js';

export { batchRequestSchema, batchResponseSchema, idParam, MAX_BATCH, pageOf };

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .optional(z.string())
    .apply(z.withMeta, { description: 'Makes a retry return the first result (8–128 characters)' }),
});

/** A JSON body or response of this schema. */
export const json = <T extends z.core.$ZodType>(schema: T) => ({ 'application/json': { schema } });

/** GET /api/v1/{collection}: a page of the collection, in the caller's jurisdiction. */
export const listRoute = <Q extends z.ZodMiniObject, T extends z.core.$ZodType>(
  access: AccessRule,
  collection: string,
  query: Q,
  item: T,
  summary: string,
) =>
  defineRoute(access, {
    method: 'get',
    path: `/api/v1/${collection}`,
    tags: [collection],
    summary,
    request: { query },
    responses: { 200: { description: 'A page', content: json(pageOf(item)) } },
  });

/** GET /api/v1/{collection}/{id}: one record (404 outside the caller's jurisdiction). */
export const readRoute = <T extends z.core.$ZodType>(
  access: AccessRule,
  collection: string,
  view: T,
  summary: string,
  description: string,
) =>
  defineRoute(access, {
    method: 'get',
    path: `/api/v1/${collection}/{id}`,
    tags: [collection],
    summary,
    request: { params: idParam },
    responses: { 200: { description, content: json(view) } },
  });

/**
 * POST /api/v1/{collection}/{id}/{action}: one step on a record, answered with the record after it.
 * `after` describes that answer; `description` is the operation's longer text, if any.
 */
export const actionRoute = <B extends z.core.$ZodType, V extends z.core.$ZodType>(
  access: AccessRule,
  collection: string,
  action: string,
  body: B,
  view: V,
  docs: { summary: string; after: string; description?: string },
) =>
  defineRoute(access, {
    method: 'post',
    path: `/api/v1/${collection}/{id}/${action}`,
    tags: [collection],
    summary: docs.summary,
    ...(docs.description === undefined ? {} : { description: docs.description }),
    request: { params: idParam, body: { required: true, content: json(body) } },
    responses: { 200: { description: docs.after, content: json(view) } },
  });

/** What the two ingest routes of a collection say in the OpenAPI document. */
export interface IngestDocs<I extends z.ZodMiniType, V extends z.core.$ZodType> {
  /** Who may ingest, one or a batch. */
  access: AccessRule;
  collection: string;
  input: I;
  view: V;
  /** Of POST /api/v1/{collection}. */
  summary: string;
  /** Of its 201 answer. */
  created: string;
  /** Of its 200 answer (a retry, or a duplicate natural key). */
  again: string;
  /** Of POST /api/v1/{collection}/batch. */
  batchSummary: string;
}

/**
 * Registers POST /api/v1/{collection} (one record, Idempotency-Key: 201 the record, 200 the first result
 * of a retry or the original of a duplicate) and POST /api/v1/{collection}/batch (up to MAX_BATCH items,
 * answered item by item).
 */
export function ingestRoutes<I extends z.ZodMiniType, V extends z.core.$ZodType>(
  r: ApiApp,
  docs: IngestDocs<I, V>,
  handle: {
    create(
      p: Principal,
      body: z.output<I>,
      idempotencyKey: string | undefined,
    ): Promise<StoredResponse<z.output<V>>>;
    batch(p: Principal, items: unknown[]): Promise<BatchItemResult[]>;
  },
): void {
  const { collection } = docs;
  const create = defineRoute(docs.access, {
    method: 'post',
    path: `/api/v1/${collection}`,
    tags: [collection],
    summary: docs.summary,
    request: { headers: idempotencyHeader, body: { required: true, content: json(docs.input) } },
    responses: {
      201: { description: docs.created, content: json(docs.view) },
      200: { description: docs.again, content: json(duplicateOfSchema) },
    },
  });
  const batch = defineRoute(docs.access, {
    method: 'post',
    path: `/api/v1/${collection}/batch`,
    tags: [collection],
    summary: docs.batchSummary,
    request: { body: { required: true, content: json(batchRequestSchema) } },
    responses: {
      200: { description: 'Item by item', content: json(batchResponseSchema) },
    },
  });
  r.openapi(create, async (c) => {
    // The route's validator has parsed the body already (Hono caches it); parsing it again with the same
    // schema is what gives a generic route its type: `c.req.valid` cannot be resolved over `I`.
    const body = await docs.input.parseAsync(await c.req.json());
    const res = await handle.create(c.get('principal'), body, c.req.header('idempotency-key'));
    return res.status === 201 ? c.json(res.body, 201) : c.json(res.body, 200);
  });
  r.openapi(batch, async (c) => {
    const { items } = c.req.valid('json');
    return c.json({ items: await handle.batch(c.get('principal'), items) }, 200);
  });
}
