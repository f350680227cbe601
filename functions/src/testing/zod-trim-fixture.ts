/**
 * What bundles.ts's zod trim must leave working, run both as source and bundled (bundles.test.ts): the
 * contract's schemas parse and refuse as zod does, and the OpenAPI document made from them is the same.
 */
import { findingInputSchema, findingPageSchema, findingSchema } from '@jiandu/shared/api';
import { z } from 'zod';
import { openApiDocument } from '../app/openapi-document.js';

export function zodTrimProbe() {
  // Schemas described where routes use them, as the app's document does (app/openapi-document.ts).
  const document = openApiDocument(
    [
      {
        method: 'get',
        path: '/findings',
        request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }) },
        responses: { 200: { description: 'the first page' } },
      },
      {
        method: 'post',
        path: '/findings',
        request: { body: { content: { 'application/json': { schema: findingInputSchema } } } },
        responses: {
          201: { description: 'logged', content: { 'application/json': { schema: findingSchema } } },
        },
      },
      {
        method: 'get',
        path: '/findings/page',
        responses: {
          200: { description: 'a page', content: { 'application/json': { schema: findingPageSchema } } },
        },
      },
    ],
    { openapi: '3.1.0', info: { title: 'probe', version: '1' } },
  );
  const refused = findingInputSchema.safeParse({ unitId: '', severity: 'none', extra: 1 });
  const checked = z
    .object({ name: z.string().min(2).max(4), mail: z.email(), n: z.number().int().positive() })
    .safeParse({ name: 'x', mail: 'not-mail', n: 1.5 });
  let jsonSchema: string;
  try {
    jsonSchema = JSON.stringify(z.toJSONSchema(z.string()));
  } catch (e) {
    jsonSchema = (e as Error).message;
  }
  return {
    document,
    refused: refused.success ? [] : refused.error.issues.map((i) => [i.path.join('.'), i.code]),
    checked: checked.success ? [] : checked.error.issues.map((i) => [i.path.join('.'), i.code]),
    jsonSchema,
  };
}
