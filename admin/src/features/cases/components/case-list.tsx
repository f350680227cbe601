import { caseState } from '@jiandu/shared';
import { Button, Select, Tag } from 'antd';
import { useUnits } from '../../../api/units.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { Page } from '../../../components/ui/page.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { type Column, VirtualList } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { CASE_FILTERS, type CaseView, useCases } from '../api/cases.js';
import { TriggerText } from './trigger.js';

export function CaseList() {
  const { t, label } = useI18n();
  const [f, setF, clear] = useUrlFilters(CASE_FILTERS);
  const q = useCases(f);
  const units = useUnits();
  const columns: Column<CaseView>[] = [
    {
      key: 'trigger',
      title: t('cases.trigger'),
      width: '2.5fr',
      render: (c) => <TriggerText trigger={c.trigger} />,
    },
    { key: 'unit', title: t('common.unit'), width: '1.2fr', render: (c) => units.name(c.trigger.unitId) },
    {
      key: 'subjects',
      title: t('cases.subjects'),
      width: '1.2fr',
      render: (c) => c.subjects.map((s) => s.personName ?? s.personId).join('、') || '—',
    },
    {
      key: 'state',
      title: t('common.state'),
      width: '100px',
      render: (c) => <Tag data-testid="case-state">{label(caseState, c.state)}</Tag>,
    },
    {
      key: 'at',
      title: t('cases.proposedAt'),
      width: '130px',
      secondary: true,
      render: (c) => fmtInstant(c.proposedAt),
    },
  ];
  const filtered = Object.keys(f).length > 0;
  return (
    <Page title={t('cases.title')} extra={<ExportButton list="cases" query={f} />}>
      <search className="filters" aria-label={t('common.filters')}>
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        <Select
          allowClear
          placeholder={t('common.state')}
          aria-label={t('common.state')}
          value={f.state}
          onChange={(v) => setF({ state: v })}
          options={caseState.codes.map((c) => ({ value: c, label: label(caseState, c) }))}
          data-testid="filter-state"
        />
        {filtered ? <Button onClick={clear}>{t('common.clearFilters')}</Button> : null}
      </search>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.items.length === 0 ? (
        <EmptyState filtered={filtered} onClear={clear} />
      ) : (
        <VirtualList
          testId="cases"
          label={t('cases.title')}
          items={q.items}
          columns={columns}
          rowKey={(c) => c.id}
          rowHref={(c) => `/cases/${c.id}`}
          hasNextPage={q.hasNextPage}
          isFetchingNextPage={q.isFetchingNextPage}
          fetchNextPage={() => void q.fetchNextPage()}
        />
      )}
    </Page>
  );
}
