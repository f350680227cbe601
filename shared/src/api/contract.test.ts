/**
 * The API contract: every schema of `@jiandu/shared/api` can be written as JSON Schema (the OpenAPI
 * document is generated from them, so a schema that cannot be documented would break it), and the common
 * shapes accept what the API sends and refuse what it never sends.
 */
import { describe, expect, it } from 'vitest';
import * as z from '../zod.js';
import * as api from './index.js';
import {
  batchItemResultSchema,
  batchResponseSchema,
  duplicateOfSchema,
  idParam,
  pageOf,
  problemSchema,
} from './index.js';

const schemas = Object.entries(api as Record<string, unknown>).filter(
  (e): e is [string, z.ZodMiniType] => e[1] instanceof z.ZodMiniType && e[0].endsWith('Schema'),
);

describe('the API contract', () => {
  it('exports its schemas (one file a resource, all re-exported)', () => {
    expect(schemas.length).toBeGreaterThan(80);
  });

  it.each(schemas)('%s can be documented as JSON Schema', (_name, schema) => {
    // io: 'input' for requests with defaults would differ; both directions must be expressible.
    expect(() => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw' })).not.toThrow();
    expect(() => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' })).not.toThrow();
  });

  it('takes a problem as the API answers it, and refuses one without its code or status', () => {
    const answered = {
      type: 'https://jiandu.example/problems/rectification.sameReviewer',
      title: 'Unprocessable content',
      status: 422,
      code: 'rectification.sameReviewer',
      field: 'reviewerId',
      errors: [{ field: 'reviewerId', message: 'the second reviewer must differ' }],
    };
    expect(problemSchema.safeParse(answered).success).toBe(true);
    const { code: _code, ...noCode } = answered;
    expect(problemSchema.safeParse(noCode).success).toBe(false);
    expect(problemSchema.safeParse({ ...answered, status: '422' }).success).toBe(false);
  });

  it('types a batch item by its status: a refusal names field, reason and code', () => {
    expect(batchItemResultSchema.safeParse({ index: 0, status: 'accepted', id: 'r1' }).success).toBe(true);
    expect(batchItemResultSchema.safeParse({ index: 1, status: 'rejected', id: 'r1' }).success).toBe(false);
    expect(
      batchResponseSchema.safeParse({
        items: [
          { index: 1, status: 'rejected', field: 'unitId', reason: 'unknown unit', code: 'unit.notFound' },
        ],
      }).success,
    ).toBe(true);
    expect(duplicateOfSchema.safeParse({ duplicateOf: 'r1' }).success).toBe(true);
  });

  it('pages carry their items and a cursor that is null after the last page', () => {
    const page = pageOf(z.object({ id: z.string() }));
    expect(page.safeParse({ items: [{ id: 'a' }], cursor: null }).success).toBe(true);
    expect(page.safeParse({ items: [{ id: 'a' }] }).success).toBe(false);
    expect(page.safeParse({ items: [{ id: 1 }], cursor: 'c' }).success).toBe(false);
  });

  it('takes ids of letters, digits, - and _ only', () => {
    expect(idParam.safeParse({ id: '01J8ZK-abc_1' }).success).toBe(true);
    for (const id of ['', '../x', 'a b', 'x'.repeat(65), '%2e'])
      expect(idParam.safeParse({ id }).success).toBe(false);
  });
});
