/**
 * The home page's data: ONE request (`GET /api/v1/home`) answers every queue and figure of the caller's
 * roles; the six-month trend below it is read after it, three light list reads.
 */
import type { Finding, HomeResponse, Page, PetitionView, SignalView } from '@jiandu/shared/api';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { fmtInstant } from '../../../lib/format.js';

/** The trend reads one page of up to this many items of each list. */
const TREND_LIMIT = 500;

export const homeKeys = {
  home: ['home'] as const,
  list: (path: string, query: Record<string, string>) => ['home', 'list', path, query] as const,
};

export const homeQuery = (enabled = true) =>
  queryOptions({
    queryKey: homeKeys.home,
    queryFn: ({ signal }) => api.get<HomeResponse>(`${API}/home`, undefined, signal),
    enabled,
    staleTime: 30_000,
  });

export const useHome = (enabled = true) => useQuery(homeQuery(enabled));

export interface TrendPoint {
  month: string;
  findings: number;
  petitions: number;
  negative: number;
}

/** The one date the trend counts of each list's items: a finding's day, a petition's or signal's instant. */
type Dated =
  | Pick<Finding, 'discoveredOn'>
  | Pick<PetitionView, 'receivedAt'>
  | Pick<SignalView, 'publishedAt'>;

/**
 * Six months of findings, petitions and negative signals, from one page (up to 500) of each list since
 * the first month, counted by local month — three light reads instead of six bulletins.
 */
export function useTrend(months: string[], petitionReader: boolean) {
  const from = `${months[0]}-01`;
  const series = [
    { key: 'findings', path: '/findings', query: { from }, enabled: true },
    { key: 'petitions', path: '/petitions', query: { from }, enabled: petitionReader },
    { key: 'negative', path: '/signals', query: { from, polarity: 'negative' }, enabled: true },
  ] as const;
  return useQueries({
    queries: series.map((s) => ({
      queryKey: homeKeys.list(s.path, { ...s.query, trend: '1' }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Page<Dated>>(`${API}${s.path}`, { ...s.query, limit: TREND_LIMIT }, signal),
      enabled: s.enabled,
      staleTime: 5 * 60_000,
    })),
    combine: (rs) => {
      // A finding's day is already local; an instant is shown (and counted) in the scheme's zone.
      const monthOf = (d: Dated) =>
        'discoveredOn' in d
          ? d.discoveredOn.slice(0, 7)
          : fmtInstant('receivedAt' in d ? d.receivedAt : d.publishedAt).slice(0, 7);
      const count = (i: number, month: string) =>
        (rs[i]?.data?.items ?? []).filter((x) => monthOf(x) === month).length;
      return {
        points: months.map((month) => ({
          month,
          findings: count(0, month),
          petitions: count(1, month),
          negative: count(2, month),
        })),
        isLoading: rs.some((r) => r.isLoading),
      };
    },
  });
}
