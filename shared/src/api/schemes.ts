/** 考核方案: the scheme in force, its stored versions, and a new version (admin). */
import { z } from 'zod';
import { schemeSchema } from '../scheme/scheme.js';

export const schemeVersionParam = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) });

/** A stored version (or the built-in default, never stored: no time, no author). */
export const schemeVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  storedAt: z.string().nullable(),
  storedBy: z.string().nullable(),
});
export type SchemeVersion = z.infer<typeof schemeVersionSchema>;

export const schemeVersionsSchema = z.object({ items: z.array(schemeVersionSchema) });
export type SchemeVersions = z.infer<typeof schemeVersionsSchema>;

export { schemeSchema };
