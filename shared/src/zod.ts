/**
 * The app's zod: zod/mini — the same validator as classic zod with a functional API, which bundlers
 * can tree-shake and whose schemas are cheaper to build (the Lambda bundles' size and init bars,
 * DESIGN §8) — with English messages, and `withMeta`. Every module that builds or parses a schema
 * imports it as `import * as z from '…/zod.js'` (a namespace import: `export { z }` of a namespace would
 * keep all of zod, ~430 KB, in every bundle).
 *
 * zod/mini sets no locale of its own (classic zod sets English when its first schema is built), so
 * without the line below every refusal would read "Invalid input". shared/package.json lists this module
 * under `sideEffects`, so no bundler drops the line.
 */
import { config, type core, globalRegistry, type ZodMiniType } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/**
 * Classic zod's `.meta()`: a copy of the schema carrying this metadata (an `id` makes a component of the
 * OpenAPI document, a `description` its words); the original stays untagged. Written
 * `schema.apply(z.withMeta, { … })`. Not zod/mini's `z.meta()` check: a check is copied by `z.extend`
 * into every extension (a second schema with the same id) and makes `z.pick`/`z.omit` refuse the schema.
 */
export const withMeta = <T extends ZodMiniType>(schema: T, metadata: core.GlobalMeta): T => {
  const copy = schema.clone();
  globalRegistry.add(copy, metadata);
  return copy;
};
