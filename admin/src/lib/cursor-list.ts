/** A server-paginated list (opaque cursors) as an infinite query: pages are fetched as the user scrolls. */
import type { Page } from '@jiandu/shared/api';
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

/**
 * A page that comes back empty with a cursor says nothing to a person: the server stops a page at its read
 * budget (ACCESS-PATTERNS.md — a keyword or another non-key filter over a large scope may find nothing
 * within it), so the list would show "no record" while more may follow. Follow such cursors, up to
 * `hops` more requests, and hand over the first page with rows (or the last empty one, still with its
 * cursor, so the list can offer to search further).
 */
export async function followEmptyPages<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  cursor: string | undefined,
  signal: AbortSignal,
  hops = 8,
): Promise<Page<T>> {
  let page = await fetchPage(cursor, signal);
  for (let i = 0; i < hops && page.items.length === 0 && page.cursor; i++) {
    page = await fetchPage(page.cursor, signal);
  }
  return page;
}

export function useCursorList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  opts: { enabled?: boolean } = {},
) {
  const q = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => followEmptyPages(fetchPage, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    enabled: opts.enabled ?? true,
  });
  const items = useMemo(() => q.data?.pages.flatMap((p) => p.items) ?? [], [q.data]);
  // Never cancel a page under way to ask for it again (the default would, on every scroll event).
  const fetchNextPage = useCallback(() => q.fetchNextPage({ cancelRefetch: false }), [q.fetchNextPage]);
  return { ...q, items, fetchNextPage };
}
