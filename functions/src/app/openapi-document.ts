/**
 * The API's OpenAPI 3.1 document, made from the routes an app declares (app/router.ts) by
 * @asteasolutions/zod-to-openapi. Only the route that serves the document (and the tests) load this
 * module: in a Lambda bundle it is a chunk of its own, loaded on the document's first request.
 */
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { DeclaredRoute } from './router.js';

// The generator's own zod extension (`.openapi()`, metadata kept through `.optional()` …). No schema of
// the app uses `.openapi()` (they describe themselves with zod's `.meta()`, which the generator reads).
extendZodWithOpenApi(z);

export type DocumentConfig = Parameters<OpenApiGeneratorV31['generateDocument']>[0];
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** The document of these routes (an app's `declared`), with the bearer token's security scheme. */
export function openApiDocument(
  routes: readonly DeclaredRoute[],
  config: DocumentConfig = { openapi: '3.1.0', info: { title: 'Jiandu', version: '1' } },
): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  for (const route of routes) registry.registerPath(route as Parameters<OpenAPIRegistry['registerPath']>[0]);
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument(config);
}
