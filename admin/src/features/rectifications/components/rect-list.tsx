/** The workbench: rectifications by state (the unit officer's), the reviewers' queue, overdue in days. */

import { rectificationState } from '@jiandu/shared';
import type { RectificationRow } from '@jiandu/shared/api';
import { LIGHT_LABELS } from '@jiandu/shared/labels';
import { Button, Segmented, Switch, Tag } from 'antd';
import { useUnits } from '../../../api/units.js';
import { RemindButton } from '../../../components/reminders/remind-button.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { DateRangeFilter, DueSortFilter, KeywordFilter } from '../../../components/ui/filters.js';
import { LIGHT_CODES, LightTag } from '../../../components/ui/light-tag.js';
import { Page } from '../../../components/ui/page.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { type Column, VirtualList } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { RECT_FILTERS, useRects } from '../api/rectifications.js';
import { StateTag } from './state-tag.js';

export function RectList() {
  const { t, label } = useI18n();
  const [f, setF, clear] = useUrlFilters(RECT_FILTERS);
  const can = useCan();
  const reviewer = can('rectification.review') && !can('rectification.work');
  // Reviewers start on their queue — both steps (已提交销号 and 初审通过), without what they may not take —
  // everyone else on what is still open.
  const reviewQueue = f.review === 'mine' || (reviewer && !f.state);
  const state = f.state ?? (reviewQueue ? 'review' : 'open');
  const filters = {
    ...f,
    ...(reviewQueue ? { review: 'mine' } : {}),
    state: state === 'all' || state === 'review' ? undefined : state,
  };
  const q = useRects(filters);
  const units = useUnits();
  const stateLabel = (s: string) =>
    s === 'open'
      ? t('rect.state.open')
      : s === 'all'
        ? t('common.all')
        : s === 'review'
          ? t('rect.stepAll')
          : label(rectificationState, s);
  // In the review queue the tabs are its steps; elsewhere every state.
  const tabs = (
    reviewQueue ? ['review', 'submitted', 'first_approved'] : ['open', ...rectificationState.codes, 'all']
  ).map((s) => ({ value: s, label: stateLabel(s) }));
  const columns: Column<RectificationRow>[] = [
    {
      key: 'title',
      title: t('rect.item'),
      width: '3fr',
      render: (r) => r.title,
      sort: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
    },
    {
      key: 'unit',
      title: t('common.unit'),
      width: '1.2fr',
      render: (r) => units.name(r.unitId),
      sort: (a, b) => units.name(a.unitId).localeCompare(units.name(b.unitId), 'zh-CN'),
    },
    { key: 'state', title: t('common.state'), width: '110px', render: (r) => <StateTag state={r.state} /> },
    { key: 'light', title: t('light.title'), width: '70px', render: (r) => <LightTag light={r.light} /> },
    // 整改时限 in a column wide enough for the whole date, and the days overdue in a column of their own:
    // the desktop shows "逾期 22 天" as the phone does, never a cut "2026-11-12 ...".
    {
      key: 'deadline',
      title: t('common.deadline'),
      width: '112px',
      render: (r) => <span data-testid="rect-deadline">{r.deadline}</span>,
      sort: (a, b) => a.deadline.localeCompare(b.deadline),
    },
    {
      key: 'overdue',
      title: t('rect.overdueColumn'),
      width: '120px',
      render: (r) =>
        r.daysOverdue > 0 ? (
          <Tag color="red" data-testid="overdue-tag">
            {t('rect.overdue', { n: r.daysOverdue })}
          </Tag>
        ) : null,
      sort: (a, b) => a.daysOverdue - b.daysOverdue,
    },
  ];
  const filtered = Object.keys(f).some((k) => k !== 'state' && k !== 'review');
  return (
    <Page
      title={reviewQueue ? t('rect.reviewMine') : t('rect.workbench')}
      extra={
        <>
          <RemindButton
            // 批量催办: the overdue rows loaded on this screen (its filters), ≤ 19 per request.
            targets={q.items
              .filter((r) => r.daysOverdue > 0 && r.state !== 'closed')
              .map((r) => ({ type: 'rectification' as const, id: r.id }))}
            label={t('remind.batch', {
              n: q.items.filter((r) => r.daysOverdue > 0 && r.state !== 'closed').length,
            })}
            testId="remind-batch"
          />
          <ExportButton list="rectifications" query={filters} />
        </>
      }
    >
      <search className="filters" aria-label={t('common.filters')}>
        <Segmented
          options={tabs}
          value={state}
          onChange={(v) =>
            setF({ state: v === 'review' ? null : String(v), ...(reviewQueue ? { review: 'mine' } : {}) })
          }
          data-testid="rect-state-tabs"
          aria-label={t('common.state')}
        />
      </search>
      <div className="filters">
        <KeywordFilter value={f.q} onChange={(q) => setF({ q })} />
        <DateRangeFilter from={f.from} to={f.to} onChange={setF} />
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        <span className="switch-label">
          <Switch
            checked={f.overdue === 'true'}
            onChange={(v) => setF({ overdue: v ? 'true' : null })}
            data-testid="filter-overdue"
            aria-label={t('rect.onlyOverdue')}
          />
          <span aria-hidden>{t('rect.onlyOverdue')}</span>
        </span>
        <Segmented
          options={[
            { value: '', label: t('common.all') },
            ...LIGHT_CODES.map((l) => ({ value: l, label: label(LIGHT_LABELS, l) })),
          ]}
          value={f.light ?? ''}
          onChange={(v) => setF({ light: v ? String(v) : null })}
          data-testid="filter-light"
          aria-label={t('light.title')}
        />
        <DueSortFilter
          value={f.sort}
          // By deadline lists open records only: the state tab goes back to 未办结.
          onChange={(v) => setF({ sort: v, ...(v && state !== 'review' ? { state: null } : {}) })}
          testId="filter-sort"
        />
        {filtered ? <Button onClick={clear}>{t('common.clearFilters')}</Button> : null}
      </div>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.items.length === 0 ? (
        <EmptyState filtered={filtered || !!f.state} onClear={clear} />
      ) : (
        <VirtualList
          testId="rectifications"
          label={t('rect.title')}
          items={q.items}
          columns={columns}
          rowKey={(r) => r.id}
          rowHref={(r) => `/rectifications/${r.id}`}
          rowClassName={(r) => (r.daysOverdue > 0 ? 'overdue' : undefined)}
          hasNextPage={q.hasNextPage}
          isFetchingNextPage={q.isFetchingNextPage}
          fetchNextPage={() => void q.fetchNextPage()}
        />
      )}
    </Page>
  );
}
