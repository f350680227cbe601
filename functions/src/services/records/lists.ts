/** Lists: cursor pagination, restricted to the caller's jurisdiction, with the common filters. */
import { searchKey } from '@jiandu/shared';
import type { ListQuery } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import type { RecordType } from '../../store/keys.js';
import type { ListFilter } from '../../store/record-store.js';
import { listScope } from '../org/jurisdiction.js';

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

/** The keyword of a list query, normalized for the store's `q` (absent: no keyword). */
export const keywordOf = (q: { q?: string | undefined }) =>
  q.q === undefined || searchKey(q.q) === '' ? {} : { q: searchKey(q.q) };

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

/**
 * `data.<path> = value` on the record's own data (a non-key filter, within the page's read budget like
 * the others); undefined: no filter.
 */
export function dataFilter(path: readonly string[], v: unknown): ListFilter[] {
  if (v === undefined) return [];
  const names = Object.fromEntries([['#d', 'data'], ...path.map((k, i) => [`#d${i}`, k])]);
  return [{ expr: `#d.${path.map((_, i) => `#d${i}`).join('.')} = :d`, names, values: { ':d': v } }];
}

export async function listRecords<T>(
  deps: Deps,
  p: Principal,
  type: RecordType,
  q: ListQuery & { sort?: 'deadline' | undefined },
  more: readonly ListFilter[] = [],
) {
  const page = await deps.store.list<T>(type, {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    filters: [...equalsFilters({ state: q.state, category: q.category, severity: q.severity }), ...more],
    limit: q.limit,
    // By deadline: the due lists (the open records with a clock, most overdue first).
    ...(q.sort === 'deadline' ? { order: 'due' as const } : {}),
    ...keywordOf(q),
    ...pageRange(p, q),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}
