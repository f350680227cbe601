/**
 * The home page's figures. The API has no count endpoint: a count is one page of up to 500 ids, shown as
 * "500+" when there are more (the lists are a click away).
 */
import type {
  AlertPage,
  DraftResponse,
  Finding,
  Page,
  PetitionView,
  RectificationPage,
  SignalView,
} from '@jiandu/shared/api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { fmtInstant } from '../../../lib/format.js';

const COUNT_LIMIT = 500;
/** At most this many pages per count ("n+" beyond). */
const COUNT_PAGES = 5;

export const homeKeys = {
  count: (path: string, query: Record<string, string>) => ['home', 'count', path, query] as const,
  list: (path: string, query: Record<string, string>) => ['home', 'list', path, query] as const,
  draft: (quarter: string) => ['home', 'draft', quarter] as const,
};

export interface Count {
  n: number;
  more: boolean;
}

export function useCount(path: string, query: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: homeKeys.count(path, query),
    queryFn: async ({ signal }): Promise<Count> => {
      // A filter the server applies to the page it read (a light, derived now) may answer a short page
      // with a cursor: follow it, a few pages at most, until the limit is reached or the list ends.
      let n = 0;
      let cursor: string | null = null;
      for (let i = 0; i < COUNT_PAGES && n < COUNT_LIMIT; i++) {
        const more: Record<string, string> = cursor ? { cursor } : {};
        const p: Page<unknown> = await api.get<Page<unknown>>(
          `${API}${path}`,
          { ...query, ...more, limit: COUNT_LIMIT - n },
          signal,
        );
        n += p.items.length;
        cursor = p.cursor;
        if (cursor === null) break;
      }
      return { n, more: cursor !== null };
    },
    enabled,
  });
}

export const useRectQueue = (states: string[], enabled = true) =>
  useQueries({
    queries: states.map((state) => ({
      queryKey: homeKeys.list('/rectifications', { state }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<RectificationPage>(`${API}/rectifications`, { state, limit: 20 }, signal),
      enabled,
    })),
    combine: (rs) => ({
      items: rs.flatMap((r) => r.data?.items ?? []),
      isLoading: rs.some((r) => r.isLoading),
      error: rs.find((r) => r.error)?.error ?? null,
    }),
  });

export const useOpenAlerts = () =>
  useQuery({
    queryKey: homeKeys.list('/alerts', { state: 'open' }),
    queryFn: ({ signal }) => api.get<AlertPage>(`${API}/alerts`, { state: 'open', limit: 5 }, signal),
  });

export const useDraftRanking = (quarter: string) =>
  useQuery({
    queryKey: homeKeys.draft(quarter),
    queryFn: ({ signal }) => api.get<DraftResponse>(`${API}/rankings/draft`, { quarter }, signal),
  });

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
        api.get<Page<Dated>>(`${API}${s.path}`, { ...s.query, limit: COUNT_LIMIT }, signal),
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
