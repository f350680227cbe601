/** Pieces every route shares: the Idempotency-Key header, problem responses, batch envelopes. */
import { z } from '@hono/zod-openapi';

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Makes a retry return the first result (8–128 characters)' }),
});

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string().optional(),
    field: z.string().optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: problemSchema } };

export const problemResponses = {
  400: { description: 'Bad request (the field is named)', content: problemContent },
  401: { description: 'No valid token', content: problemContent },
  403: { description: 'Not allowed for this role', content: problemContent },
  404: { description: 'Not found (or outside your jurisdiction)', content: problemContent },
  409: {
    description: 'Conflict: the record changed; the current state is included',
    content: problemContent,
  },
  422: { description: 'A rule refused it (the code says which)', content: problemContent },
} as const;

export const MAX_BATCH = 1000;

export const batchRequestSchema = z.strictObject({ items: z.array(z.unknown()).min(1).max(MAX_BATCH) });

export const batchResponseSchema = z.object({
  items: z.array(
    z.object({
      index: z.number(),
      status: z.enum(['accepted', 'duplicate', 'rejected']),
      id: z.string().optional(),
      field: z.string().optional(),
      reason: z.string().optional(),
      code: z.string().optional(),
    }),
  ),
});

export const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
