/**
 * The body of every list screen: loading, an error with retry, an empty state that says what to do
 * (clear the filters, or what will fill the list), or the virtualized rows fetched page by page as the
 * user scrolls — one component, so every list behaves the same.
 */
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, Loading, SearchFurther } from './states.js';
import { VirtualList, type VirtualListProps } from './virtual-list.js';

/** What a cursor list query (lib/cursor-list.ts) gives a list screen. */
export interface ListQuery<T> {
  items: T[];
  isLoading: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage: () => unknown;
}

type Rows<T> = Omit<VirtualListProps<T>, 'items' | 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'>;

export function ListBody<T>({
  q,
  filtered,
  onClear,
  emptyHint,
  ...rows
}: Rows<T> & { q: ListQuery<T>; filtered?: boolean; onClear?: () => void; emptyHint?: string }): ReactNode {
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.items.length === 0) {
    // Nothing found yet but the server has more to look through (a page stops at its read budget).
    if (q.hasNextPage) {
      return <SearchFurther busy={q.isFetchingNextPage === true} onMore={() => void q.fetchNextPage()} />;
    }
    return (
      <EmptyState
        {...(filtered !== undefined ? { filtered } : {})}
        {...(onClear ? { onClear } : {})}
        {...(emptyHint ? { hint: emptyHint } : {})}
      />
    );
  }
  return (
    <VirtualList
      {...rows}
      items={q.items}
      {...(q.hasNextPage !== undefined ? { hasNextPage: q.hasNextPage } : {})}
      {...(q.isFetchingNextPage !== undefined ? { isFetchingNextPage: q.isFetchingNextPage } : {})}
      fetchNextPage={() => void q.fetchNextPage()}
    />
  );
}
