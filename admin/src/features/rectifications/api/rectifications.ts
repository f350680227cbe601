/** 整改: list (cursor pages, URL filters), one with the caller's allowed actions, and workflow actions. */
import type { RectificationActionRequest, RectificationPage, RectificationView } from '@jiandu/shared/api';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, api } from '../../../lib/api.js';
import { useCursorList } from '../../../lib/cursor-list.js';

/** `review=mine`: the caller's review queue, both steps; `extension=pending`: 延期申请 waiting for a decision. */
export const RECT_FILTERS = [
  'unitId',
  'state',
  'overdue',
  'light',
  'from',
  'to',
  'q',
  'sort',
  'review',
  'extension',
] as const;
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

/** The version of the rectification as the page holds it now (after any step answered meanwhile). */
export function useHeldRectVersion(id: string): () => number | undefined {
  const qc = useQueryClient();
  return () => qc.getQueryData<RectificationView>(rectKeys.one(id))?.version;
}

export const actOnRect = (id: string, body: RectificationActionRequest) =>
  api.post<RectificationView>(`${API}/rectifications/${id}/actions`, body);

/**
 * A step on one rectification. The page must hold the record's new version after every own step: a read
 * of the record still in flight when the step is sent (the refetch a file picker's return of focus
 * starts, during an upload) would otherwise land after the step's answer and put the old version back, and
 * the user's next step would conflict with their own. So reads of the record are cancelled when a step is
 * sent and when it is answered, and the answer is kept only if it is not older than what the page holds.
 */
export function useRectAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RectificationActionRequest) => actOnRect(id, body),
    onMutate: () => qc.cancelQueries({ queryKey: rectKeys.one(id) }),
    onSuccess: async (view) => {
      await qc.cancelQueries({ queryKey: rectKeys.one(id) });
      qc.setQueryData<RectificationView>(rectKeys.one(id), (held) =>
        held && held.version > view.version ? held : view,
      );
      void qc.invalidateQueries({ queryKey: ['rectifications', 'list'] });
      void qc.invalidateQueries({ queryKey: ['rectifications', id, 'events'] });
    },
  });
}
