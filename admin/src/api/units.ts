/** The unit directory of the caller's jurisdiction: names everywhere, and the unit picker. */
import type { Unit } from '@jiandu/shared';
import type { UnitList } from '@jiandu/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../lib/api.js';

export const unitKeys = {
  all: ['units'] as const,
  tenures: (unitId: string) => ['units', unitId, 'tenures'] as const,
};

/** One function for every render: an inline `select` runs again at each render and answers a new map. */
const withIndex = (d: UnitList) => ({ items: d.items, byId: new Map(d.items.map((u) => [u.id, u])) });

export const unitsQuery = () =>
  queryOptions({
    queryKey: unitKeys.all,
    queryFn: ({ signal }) => api.get<UnitList>(`${API}/units`, undefined, signal),
    staleTime: 5 * 60_000,
    select: withIndex,
  });

export function useUnits() {
  const q = useQuery(unitsQuery());
  const byId = q.data?.byId;
  return {
    ...q,
    units: q.data?.items ?? [],
    byId,
    name: (id: string | null | undefined) => (id ? (byId?.get(id)?.name ?? id) : ''),
  };
}

/** Matches a unit by name, alias or code, for pickers. */
export function unitMatches(u: Unit, text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!t) return true;
  return (
    u.name.toLowerCase().includes(t) ||
    u.code.toLowerCase().includes(t) ||
    u.id.toLowerCase().includes(t) ||
    (u.aliases ?? []).some((a) => a.toLowerCase().includes(t))
  );
}
