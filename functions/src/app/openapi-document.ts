/**
 * The API's OpenAPI 3.1 document, made from the routes an app declares (app/router.ts) with zod's own
 * JSON Schema output (OpenAPI 3.1's schemas are JSON Schema 2020-12), so every zod schema — classic or
 * mini — is described as zod validates it. Loaded where a document is made: at build time for the `api`
 * function (app/api-document.ts; the bundles leave zod's JSON Schema output out), by the local app's
 * document route on its first request, and by the tests.
 *
 * A schema registered with an `id` (`.meta({ id })`) is a component, referred to by `$ref` wherever it
 * appears. Every schema is described as zod reads a value (see `Schemas.of`).
 */
import * as z from '@jiandu/shared/zod';
import type { $ZodType } from 'zod/v4/core';
import type { DeclaredRoute, MediaSchema } from './router.js';

type Json = Record<string, unknown>;

export interface DocumentConfig {
  openapi: '3.1.0';
  info: { title: string; version: string; [k: string]: unknown };
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
}

export interface OpenApiDocument extends DocumentConfig {
  paths: Record<string, Record<string, Json>>;
  components: { securitySchemes: Record<string, Json>; schemas: Record<string, Json> };
}

const COMPONENTS = '#/components/schemas/';

/**
 * Points each `$ref` a conversion made (to its $defs, or `#` for its root) at the component, and drops
 * a choice that allows anything.
 */
function relink(node: unknown, root: string | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => relink(n, root));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string') {
      if (v === '#' && root) out[k] = COMPONENTS + root;
      // A JSON Pointer segment: zod writes `~` as `~0` and `/` as `~1`.
      else if (v.startsWith('#/$defs/'))
        out[k] = COMPONENTS + v.slice('#/$defs/'.length).replaceAll('~1', '/').replaceAll('~0', '~');
      else out[k] = v;
    } else out[k] = relink(v, root);
  }
  // `z.unknown().nullable()` is `anyOf: [{}, {type: null}]`: a choice that includes "anything" is anything.
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.some((a) => a && typeof a === 'object' && Object.keys(a).length === 0))
    delete out.anyOf;
  return out;
}

/** The JSON Schemas of a document: each schema inline, or a reference to its component. */
class Schemas {
  readonly components = new Map<string, Json>();

  of(schema: $ZodType): Json {
    const id = z.globalRegistry.get(schema)?.id;
    const json = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      // As zod reads a value — answers too: they are not made by parsing, so a plain object's answer may
      // carry more members (a problem's extensions), and a field with a default may be absent.
      io: 'input',
      // Uploads' bodies are `z.any()`.
      unrepresentable: 'any',
    }) as Json;
    const { $defs, $schema: _, ...body } = json;
    const defs = ($defs ?? {}) as Record<string, Json>;
    for (const [name, def] of Object.entries(defs)) this.keep(name, relink(def, id) as Json);
    const described = relink(body, id) as Json;
    // A root with an id comes back as a reference to its own definition, among the others.
    if (!id || (id in defs && Object.keys(described).join() === '$ref')) return described;
    this.keep(id, described);
    return { $ref: COMPONENTS + id };
  }

  private keep(name: string, json: Json): void {
    const had = this.components.get(name);
    if (had && JSON.stringify(had) !== JSON.stringify(json))
      throw new Error(`two schemas are registered with the id ${name}`);
    this.components.set(name, json);
  }
}

const content = (media: Record<string, MediaSchema>, schemas: Schemas): Json =>
  Object.fromEntries(Object.entries(media).map(([type, m]) => [type, { schema: schemas.of(m.schema) }]));

/** The parameters of one request part (an object schema): one per property. */
function parameters(
  schema: $ZodType | undefined,
  where: 'path' | 'query' | 'header',
  schemas: Schemas,
): Json[] {
  if (!schema) return [];
  const json = schemas.of(schema);
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    schema: s,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    name,
    in: where,
  }));
}

const BEARER = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' };

/** The document of these routes (an app's `declared`), with the bearer token's security scheme. */
export function openApiDocument(
  routes: readonly DeclaredRoute[],
  config: DocumentConfig = { openapi: '3.1.0', info: { title: 'Jiandu', version: '1' } },
): OpenApiDocument {
  const schemas = new Schemas();
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const { method, path, request, responses, ...operation } = route;
    const params = [
      ...parameters(request?.params, 'path', schemas),
      ...parameters(request?.query, 'query', schemas),
      ...parameters(request?.headers, 'header', schemas),
    ];
    const body = request?.body;
    paths[path] ??= {};
    paths[path][method] = {
      ...operation,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(body
        ? {
            requestBody: {
              ...(body.description ? { description: body.description } : {}),
              ...(body.required ? { required: true } : {}),
              content: content(body.content, schemas),
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.content ? { content: content(r.content, schemas) } : {}),
          },
        ]),
      ),
    };
  }
  return {
    ...config,
    paths,
    components: { securitySchemes: { bearer: BEARER }, schemas: Object.fromEntries(schemas.components) },
  };
}
