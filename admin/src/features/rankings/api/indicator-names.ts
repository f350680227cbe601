/**
 * The names of the indicators a score breakdown counts (the breakdown holds their ids): read one by one
 * when a breakdown is opened — a unit has a handful — and kept for a while.
 */
import type { IndicatorView } from '@jiandu/shared/api';
import { useQueries } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';

export function useIndicatorNames(ids: readonly string[]): Map<string, string> {
  const found = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['indicators', 'name', id] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<IndicatorView>(`${API}/indicators/${encodeURIComponent(id)}`, undefined, signal),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  return new Map(found.flatMap((q) => (q.data ? [[q.data.id, q.data.name] as const] : [])));
}
