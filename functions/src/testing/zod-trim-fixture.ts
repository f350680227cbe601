/**
 * What bundles.ts's zod trim must leave working, run both as source and bundled (bundles.test.ts): the
 * contract's schemas parse and refuse as zod does; JSON Schema output is the one thing trimmed (the API's
 * document is made at build time, from source: app/api-document.ts).
 */
import { findingInputSchema } from '@jiandu/shared/api';
import * as z from '@jiandu/shared/zod';

export function zodTrimProbe() {
  const refused = findingInputSchema.safeParse({ unitId: '', severity: 'none', extra: 1 });
  const checked = z
    .object({
      name: z.string().check(z.minLength(2), z.maxLength(4)),
      mail: z.email(),
      n: z.int().check(z.positive()),
    })
    .safeParse({ name: 'x', mail: 'not-mail', n: 1.5 });
  let jsonSchema: string;
  try {
    jsonSchema = JSON.stringify(z.toJSONSchema(z.string()));
  } catch (e) {
    jsonSchema = (e as Error).message;
  }
  return {
    refused: refused.success ? [] : refused.error.issues.map((i) => [i.path.join('.'), i.code, i.message]),
    checked: checked.success ? [] : checked.error.issues.map((i) => [i.path.join('.'), i.code, i.message]),
    jsonSchema,
  };
}
