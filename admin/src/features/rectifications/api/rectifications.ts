/** 整改: list (cursor pages, URL filters), one with the caller's allowed actions, and workflow actions. */
import type { RectificationActionRequest, RectificationPage, RectificationView } from '@jiandu/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

export const RECT_FILTERS = ['unitId', 'state', 'overdue', 'light', 'from', 'to'] as const;
export type RectFilters = Partial<Record<(typeof RECT_FILTERS)[number], string>>;

export const rectKeys = {
  all: ['rectifications'] as const,
  list: (f: RectFilters) => ['rectifications', 'list', f] as const,
  one: (id: string) => ['rectifications', 'one', id] as const,
};

export const fetchRects = (f: RectFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<RectificationPage>(`${API}/rectifications`, { ...f, cursor, limit: 100 }, signal);

export const useRects = (f: RectFilters) =>
  useCursorList(rectKeys.list(f), (cursor, signal) => fetchRects(f, cursor, signal));

export const rectQuery = (id: string) =>
  queryOptions({
    queryKey: rectKeys.one(id),
    queryFn: ({ signal }) => api.get<RectificationView>(`${API}/rectifications/${id}`, undefined, signal),
  });

export const useRect = (id: string) => useQuery(rectQuery(id));

export const actOnRect = (id: string, body: RectificationActionRequest) =>
  api.post<RectificationView>(`${API}/rectifications/${id}/actions`, body);

export function useRectAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RectificationActionRequest) => actOnRect(id, body),
    onSuccess: (view) => {
      qc.setQueryData(rectKeys.one(id), view);
      void qc.invalidateQueries({ queryKey: ['rectifications', 'list'] });
      void qc.invalidateQueries({ queryKey: ['rectifications', id, 'events'] });
    },
  });
}
