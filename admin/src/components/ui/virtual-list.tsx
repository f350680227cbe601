// A virtualized table cannot be a <table> (rows are absolutely positioned), so it carries the ARIA table
// roles itself; its rows are reached by keyboard through the link each one holds.
// biome-ignore-all lint/a11y/useSemanticElements: ARIA table roles on a virtualized grid of divs
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers are not widgets; each row's link is focusable
/**
 * A virtualized list of rows (TanStack Virtual) fed by a cursor-paginated query: only the rows on screen
 * are in the DOM, and the next page is fetched as the end comes near, so 10,000 rows scroll smoothly.
 * A table on a desktop, stacked cards on a phone (CSS), every row reachable by keyboard through its link.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.js';

export interface Column<T> {
  key: string;
  title: ReactNode;
  /** A CSS grid track, e.g. "2fr" or "120px". */
  width?: string;
  render: (row: T) => ReactNode;
  /** Hidden on phones. */
  secondary?: boolean;
}

interface Props<T> {
  items: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowHref?: (row: T) => string;
  /** The column whose content becomes the row's link (default: the first). */
  linkColumn?: string;
  testId: string;
  label: string;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => void;
  rowClassName?: (row: T) => string | undefined;
  height?: string;
}

export function VirtualList<T>(props: Props<T>) {
  const { items, columns, rowKey, rowHref, testId, label } = props;
  const t = useT();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 52,
    overscan: 12,
    getItemKey: (i) => rowKey(items[i] as T),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  useEffect(() => {
    if (last && last.index >= items.length - 15 && hasNextPage && !isFetchingNextPage) fetchNextPage?.();
  }, [last, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const grid = columns.map((c) => c.width ?? '1fr').join(' ');
  const linkCol = props.linkColumn ?? columns[0]?.key;
  return (
    <div className="vlist" data-testid={testId}>
      <div role="table" aria-label={label} aria-rowcount={items.length + 1} className="vtable">
        <div role="rowgroup">
          <div role="row" className="vrow vhead" style={{ gridTemplateColumns: grid }}>
            {columns.map((c) => (
              <div role="columnheader" key={c.key} className={c.secondary ? 'vcell secondary' : 'vcell'}>
                {c.title}
              </div>
            ))}
          </div>
        </div>
        <div
          ref={parentRef}
          className="vscroll"
          style={props.height ? { height: props.height } : undefined}
          data-testid={`${testId}-scroll`}
        >
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((vi) => {
              const row = items[vi.index] as T;
              const href = rowHref?.(row);
              return (
                <div
                  role="row"
                  key={vi.key}
                  data-index={vi.index}
                  data-testid={`${testId}-row`}
                  data-id={rowKey(row)}
                  aria-rowindex={vi.index + 2}
                  ref={virtualizer.measureElement}
                  className={`vrow ${props.rowClassName?.(row) ?? ''}`}
                  style={{ gridTemplateColumns: grid, transform: `translateY(${vi.start}px)` }}
                >
                  {columns.map((c) => (
                    <div
                      role="cell"
                      key={c.key}
                      className={c.secondary ? 'vcell secondary' : 'vcell'}
                      data-label={typeof c.title === 'string' ? c.title : undefined}
                    >
                      {href && c.key === linkCol ? <Link to={href}>{c.render(row)}</Link> : c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <div className="vfoot" aria-live="polite">
        {t('common.rows', { n: items.length })} ·{' '}
        {isFetchingNextPage ? t('common.loading') : hasNextPage ? t('common.more') : t('common.end')}
      </div>
    </div>
  );
}
