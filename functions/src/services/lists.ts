/** Lists: cursor pagination, restricted to the caller's jurisdiction, with the common filters. */
import { z } from '@hono/zod-openapi';
import { localDateSchema } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import type { RecordType } from '../store/keys.js';
import type { ListFilter } from '../store/record-store.js';
import { listScope } from './jurisdiction.js';

/** The paging fields of a list query: the page size and the cursor of the page before. */
export const pagingFields = (defaultLimit = 50) => ({
  limit: z.coerce.number().int().min(1).max(500).default(defaultLimit),
  cursor: z.string().max(2000).optional(),
});

/** The paging fields and a unit: the unit's subtree (inside your jurisdiction), see listScope. */
export const unitPageFields = (defaultLimit = 50) => ({
  ...pagingFields(defaultLimit),
  unitId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

export const listQuerySchema = z.strictObject({
  ...unitPageFields(),
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

/** `attribute = value` on the state item, one filter per given value (undefined: no filter). */
export function equalsFilters(fields: Record<string, unknown>): ListFilter[] {
  return Object.entries(fields).flatMap(([f, v]) =>
    v === undefined
      ? []
      : [{ expr: `#f_${f} = :f_${f}`, names: { [`#f_${f}`]: f }, values: { [`:f_${f}`]: v } }],
  );
}

/** The caller and the cursor of a list query, as the paging of RecordStore.list or .page. */
export const pagingOf = (p: Principal, q: { cursor?: string | undefined }) => ({
  caller: p.id,
  ...(q.cursor ? { cursor: q.cursor } : {}),
});

/** The caller, the cursor and the from/to range of a list query, as options of RecordStore.list. */
export const pageRange = (
  p: Principal,
  q: {
    cursor?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
) => ({
  ...pagingOf(p, q),
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
});

export async function listRecords<T>(deps: Deps, p: Principal, type: RecordType, q: ListQuery) {
  const page = await deps.store.list<T>(type, {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    filters: equalsFilters({ state: q.state, category: q.category, severity: q.severity }),
    limit: q.limit,
    ...pageRange(p, q),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}
