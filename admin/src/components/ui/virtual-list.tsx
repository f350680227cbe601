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
import { memo, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.js';
import { useMedia } from '../../lib/use-media.js';

const ROW_HEIGHT = 48;
const NARROW = '(max-width: 640px)';

export interface Column<T> {
  key: string;
  title: ReactNode;
  /** A CSS grid track, e.g. "2fr" or "120px". */
  width?: string;
  render: (row: T) => ReactNode;
  /** Hidden on phones. */
  secondary?: boolean;
  /** Makes the column sortable (its header a button): the order of two rows, ascending. */
  sort?: (a: T, b: T) => number;
}

type SortState = { key: string; dir: 'ascending' | 'descending' } | null;

export interface VirtualListProps<T> {
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

interface RowProps<T> {
  row: T;
  index: number;
  start: number;
  id: string;
  href: string | undefined;
  columns: Column<T>[];
  grid: string;
  narrow: boolean;
  linkCol: string | undefined;
  testId: string;
  className: string | undefined;
  measure: ((el: Element | null) => void) | undefined;
}

/** One row, re-rendered only when its own props change (scrolling mounts new rows, it does not redraw the rest). */
const Row = memo(function Row<T>(p: RowProps<T>) {
  return (
    <div
      role="row"
      data-index={p.index}
      data-testid={`${p.testId}-row`}
      data-id={p.id}
      aria-rowindex={p.index + 2}
      ref={p.measure}
      className={`vrow ${p.narrow ? '' : 'fixed'} ${p.className ?? ''}`}
      style={{
        gridTemplateColumns: p.grid,
        transform: `translateY(${p.start}px)`,
        ...(p.narrow ? {} : { height: ROW_HEIGHT }),
      }}
    >
      {p.columns.map((c) => (
        <div
          role="cell"
          key={c.key}
          className={c.secondary ? 'vcell secondary' : 'vcell'}
          data-label={typeof c.title === 'string' ? c.title : undefined}
        >
          {p.href && c.key === p.linkCol ? <Link to={p.href}>{c.render(p.row)}</Link> : c.render(p.row)}
        </div>
      ))}
    </div>
  );
}) as <T>(p: RowProps<T>) => ReactNode;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { rowKey, rowHref, testId, label } = props;
  const t = useT();
  // Sorting orders the rows loaded so far (pages load as the list scrolls); the server's order otherwise.
  const [sort, setSort] = useState<SortState>(null);
  const items = useMemo(() => {
    const by = sort && props.columns.find((c) => c.key === sort.key)?.sort;
    if (!sort || !by) return props.items;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...props.items].sort((a, b) => sign * by(a, b));
  }, [props.items, props.columns, sort]);
  // 序号 (desktop) and 操作 (查看, where a row opens a page) as every list of a government admin system has.
  const columns = useMemo<Column<T>[]>(() => {
    const position = new Map(items.map((row, i) => [row, i + 1]));
    return [
      {
        key: '__index',
        title: t('common.index'),
        width: '56px',
        secondary: true,
        render: (r) => position.get(r),
      },
      ...props.columns,
      ...(rowHref
        ? [
            {
              key: '__ops',
              title: t('common.actions'),
              width: '64px',
              secondary: true,
              render: (r: T) => (
                <Link to={rowHref(r)} tabIndex={-1} aria-hidden data-testid={`${testId}-open`}>
                  {t('common.view')}
                </Link>
              ),
            },
          ]
        : []),
    ];
  }, [items, props.columns, rowHref, testId, t]);
  const toggle = (key: string) =>
    setSort((s) =>
      s?.key !== key ? { key, dir: 'ascending' } : s.dir === 'ascending' ? { key, dir: 'descending' } : null,
    );
  const parentRef = useRef<HTMLDivElement>(null);
  // A desktop row is one line of fixed height (cells ellipsize), so nothing is measured while scrolling;
  // a phone row is a card of varying height, measured once it is drawn.
  const narrow = useMedia(NARROW);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => (narrow ? 140 : ROW_HEIGHT),
    overscan: 8,
    getItemKey: (i) => rowKey(items[i] as T),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  useEffect(() => {
    if (last && last.index >= items.length - 15 && hasNextPage && !isFetchingNextPage) fetchNextPage?.();
  }, [last, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const grid = columns.map((c) => c.width ?? '1fr').join(' ');
  const linkCol = props.linkColumn ?? props.columns[0]?.key;
  return (
    <div className="vlist" data-testid={testId}>
      <div role="table" aria-label={label} aria-rowcount={items.length + 1} className="vtable">
        <div role="rowgroup">
          <div role="row" className="vrow vhead" style={{ gridTemplateColumns: grid }}>
            {columns.map((c) => (
              <div
                role="columnheader"
                key={c.key}
                className={c.secondary ? 'vcell secondary' : 'vcell'}
                aria-sort={c.sort ? (sort?.key === c.key ? sort.dir : 'none') : undefined}
              >
                {c.sort ? (
                  <button
                    type="button"
                    className="vsort"
                    onClick={() => toggle(c.key)}
                    data-testid={`${testId}-sort-${c.key}`}
                  >
                    {c.title}
                    <span aria-hidden className="vsort-mark">
                      {sort?.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}
                    </span>
                  </button>
                ) : (
                  c.title
                )}
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
              return (
                <Row<T>
                  key={vi.key}
                  row={row}
                  index={vi.index}
                  start={vi.start}
                  id={rowKey(row)}
                  href={rowHref?.(row)}
                  columns={columns}
                  grid={grid}
                  narrow={narrow}
                  linkCol={linkCol}
                  testId={testId}
                  className={props.rowClassName?.(row)}
                  measure={narrow ? virtualizer.measureElement : undefined}
                />
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
