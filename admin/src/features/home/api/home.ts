/**
 * The home page's figures. The API has no count endpoint: a count is one page of up to 500 ids, shown as
 * "500+" when there are more (the lists are a click away).
 */
import type { Alert, Ranking, Rectification } from '@jiandu/shared';
import { useQueries, useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import type { Page } from '../../../lib/cursor-list.js';

const COUNT_LIMIT = 500;

export const homeKeys = {
  count: (path: string, query: Record<string, string>) => ['home', 'count', path, query] as const,
  list: (path: string, query: Record<string, string>) => ['home', 'list', path, query] as const,
  draft: (quarter: string) => ['home', 'draft', quarter] as const,
  trend: (month: string, unitId: string) => ['home', 'trend', month, unitId] as const,
};

export interface Count {
  n: number;
  more: boolean;
}

export function useCount(path: string, query: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: homeKeys.count(path, query),
    queryFn: async ({ signal }): Promise<Count> => {
      const p = await api.get<Page<unknown>>(`${API}${path}`, { ...query, limit: COUNT_LIMIT }, signal);
      return { n: p.items.length, more: p.cursor !== null && p.items.length >= COUNT_LIMIT };
    },
    enabled,
  });
}

export type RectRow = Rectification & { daysOverdue: number };

export const useRectQueue = (states: string[], enabled = true) =>
  useQueries({
    queries: states.map((state) => ({
      queryKey: homeKeys.list('/rectifications', { state }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Page<RectRow>>(`${API}/rectifications`, { state, limit: 20 }, signal),
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
    queryFn: ({ signal }) => api.get<Page<Alert>>(`${API}/alerts`, { state: 'open', limit: 5 }, signal),
  });

export const useDraftRanking = (quarter: string) =>
  useQuery({
    queryKey: homeKeys.draft(quarter),
    queryFn: ({ signal }) =>
      api.get<{ groups: { groupKey: string; ranking: Ranking }[] }>(
        `${API}/rankings/draft`,
        { quarter },
        signal,
      ),
  });

export interface TrendPoint {
  month: string;
  overdue: number;
  petitions: number;
  negative: number;
}

export const useTrend = (months: string[], unitId: string) =>
  useQueries({
    queries: months.map((month) => ({
      queryKey: homeKeys.trend(month, unitId),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<TrendPoint> => {
        const b = await api.get<{
          overdue: unknown[];
          petitions: { received: number };
          signals: { negative: number };
        }>(`${API}/bulletins/${month}`, { unitId }, signal);
        return {
          month,
          overdue: b.overdue.length,
          petitions: b.petitions.received,
          negative: b.signals.negative,
        };
      },
      staleTime: 5 * 60_000,
    })),
    combine: (rs) => ({
      points: rs.map((r) => r.data).filter((x): x is TrendPoint => !!x),
      isLoading: rs.some((r) => r.isLoading),
    }),
  });
