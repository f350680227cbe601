/** 督查发现: the list (cursor pages, URL filters), one finding, and its query keys. */
import type { FindingPage, FindingView } from '@jiandu/shared/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const FINDING_FILTERS = ['unitId', 'category', 'severity', 'from', 'to', 'q'] as const;
export type FindingFilters = Partial<Record<(typeof FINDING_FILTERS)[number], string>>;

export const findingKeys = {
  all: ['findings'] as const,
  list: (f: FindingFilters) => ['findings', 'list', f] as const,
  one: (id: string) => ['findings', 'one', id] as const,
};

export const PAGE_SIZE = 100;

export const fetchFindings = (f: FindingFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<FindingPage>(`${API}/findings`, { ...f, cursor, limit: PAGE_SIZE }, signal);

export const useFindings = (f: FindingFilters) =>
  useCursorList(findingKeys.list(f), (cursor, signal) => fetchFindings(f, cursor, signal));

export const findingQuery = (id: string) =>
  queryOptions({
    queryKey: findingKeys.one(id),
    queryFn: ({ signal }) => api.get<FindingView>(`${API}/findings/${id}`, undefined, signal),
  });

export const useFinding = (id: string) => useQuery(findingQuery(id));
