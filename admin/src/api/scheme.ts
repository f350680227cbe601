/** The assessment scheme in force (its time zone drives every date shown). */
import type { Scheme } from '@jiandu/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../lib/api.js';
import { setTimeZone } from '../lib/format.js';

export const schemeKeys = {
  current: ['schemes', 'current'] as const,
  versions: ['schemes', 'versions'] as const,
  version: (v: number) => ['schemes', v] as const,
};

export const currentSchemeQuery = () =>
  queryOptions({
    queryKey: schemeKeys.current,
    queryFn: async ({ signal }) => {
      const s = await api.get<Scheme>(`${API}/schemes/current`, undefined, signal);
      setTimeZone(s.timeZone);
      return s;
    },
    staleTime: 10 * 60_000,
  });

export const useCurrentScheme = () => useQuery(currentSchemeQuery());
