/** Lists: cursor pagination, restricted to the caller's jurisdiction, with the common filters. */
import { z } from '@hono/zod-openapi';
import { localDateSchema } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import type { RecordType } from '../store/keys.js';
import { scopeOf, writableUnitPath } from './jurisdiction.js';

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(2000).optional(),
  /** A unit: its subtree (inside your jurisdiction). */
  unitId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  state: z
    .string()
    .regex(/^[a-z_]{1,32}$/)
    .optional(),
  category: z
    .string()
    .regex(/^[a-z_0-9]{1,32}$/)
    .optional(),
  severity: z
    .string()
    .regex(/^[a-z_]{1,32}$/)
    .optional(),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export async function listRecords<T>(deps: Deps, p: Principal, type: RecordType, q: ListQuery) {
  const prefix = q.unitId ? await writableUnitPath(deps, p, q.unitId, 'unitId') : await scopeOf(deps, p);
  const filters: { expr: string; names: Record<string, string>; values: Record<string, unknown> }[] = [];
  for (const f of ['state', 'category', 'severity'] as const) {
    const v = q[f];
    if (v !== undefined)
      filters.push({ expr: `#f_${f} = :f_${f}`, names: { [`#f_${f}`]: f }, values: { [`:f_${f}`]: v } });
  }
  const page = await deps.store.list<T>(type, {
    unitPathPrefix: prefix,
    filters,
    limit: q.limit,
    ...(q.cursor ? { cursor: q.cursor } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}
