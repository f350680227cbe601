/** A server-paginated list (opaque cursors) as an infinite query: pages are fetched as the user scrolls. */
import type { Page } from '@jiandu/shared/api';
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

export function useCursorList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  opts: { enabled?: boolean } = {},
) {
  const q = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    enabled: opts.enabled ?? true,
  });
  const items = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  // Never cancel a page under way to ask for it again (the default would, on every scroll event).
  const fetchNextPage = useCallback(() => q.fetchNextPage({ cancelRefetch: false }), [q.fetchNextPage]);
  return { ...q, items, fetchNextPage };
}
