import { PlusOutlined } from '@ant-design/icons';
import { petitionState, problemCategory } from '@jiandu/shared';
import { Button, Input, Select } from 'antd';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { Page } from '../../../components/ui/page.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { type Column, VirtualList } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useUser } from '../../../lib/use-session.js';
import { PETITION_FILTERS, type PetitionView, usePetitions } from '../api/petitions.js';
import { CurrentSla, PetitionBadges } from './sla.js';

export function PetitionList() {
  const { t, label } = useI18n();
  const user = useUser();
  const [f, setF, clear] = useUrlFilters(PETITION_FILTERS);
  const q = usePetitions(f);
  const units = useUnits();
  const opts = (e: { codes: readonly string[]; labels: Record<string, { zh: string; en: string }> }) =>
    e.codes.map((c) => ({ value: c, label: label(e, c) }));
  const columns: Column<PetitionView>[] = [
    { key: 'matter', title: t('petitions.matter'), width: '2.5fr', render: (p) => p.matter },
    { key: 'who', title: t('petitions.petitioner'), width: '90px', render: (p) => p.petitioner.name },
    { key: 'unit', title: t('common.unit'), width: '1.2fr', render: (p) => units.name(p.unitId) },
    { key: 'state', title: t('common.state'), width: '90px', render: (p) => label(petitionState, p.state) },
    {
      key: 'sla',
      title: t('petitions.sla'),
      width: '1.6fr',
      render: (p) => (
        <>
          <CurrentSla p={p} /> <PetitionBadges p={p} />
        </>
      ),
    },
    {
      key: 'at',
      title: t('petitions.receivedAt'),
      width: '130px',
      secondary: true,
      render: (p) => fmtInstant(p.receivedAt),
    },
  ];
  const filtered = Object.keys(f).length > 0;
  return (
    <Page
      title={t('petitions.title')}
      extra={
        <>
          <ExportButton list="petitions" query={f} />
          {user.roles.includes('supervisor') ? (
            <Link to="/petitions/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="petition-new">
                {t('petitions.new')}
              </Button>
            </Link>
          ) : null}
        </>
      }
    >
      <search className="filters" aria-label={t('common.filters')}>
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        <Select
          allowClear
          placeholder={t('common.state')}
          aria-label={t('common.state')}
          value={f.state}
          onChange={(v) => setF({ state: v })}
          options={opts(petitionState)}
          data-testid="filter-state"
        />
        <Select
          allowClear
          placeholder={t('common.category')}
          aria-label={t('common.category')}
          value={f.category}
          onChange={(v) => setF({ category: v })}
          options={opts(problemCategory)}
        />
        <Select
          allowClear
          placeholder={t('petitions.filterSla')}
          aria-label={t('petitions.filterSla')}
          value={f.sla}
          onChange={(v) => setF({ sla: v })}
          options={[
            { value: 'overdue', label: t('petitions.slaOverdue') },
            { value: 'pending', label: t('petitions.slaPending') },
          ]}
          data-testid="filter-sla"
        />
        <Select
          allowClear
          placeholder={t('petitions.repeated')}
          aria-label={t('petitions.repeated')}
          value={f.repeated}
          onChange={(v) => setF({ repeated: v })}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('petitions.escalated')}
          aria-label={t('petitions.escalated')}
          value={f.escalated}
          onChange={(v) => setF({ escalated: v })}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
        <Input
          type="date"
          aria-label={t('common.from')}
          value={f.from ?? ''}
          onChange={(e) => setF({ from: e.target.value })}
          style={{ width: 150 }}
        />
        <Input
          type="date"
          aria-label={t('common.to')}
          value={f.to ?? ''}
          onChange={(e) => setF({ to: e.target.value })}
          style={{ width: 150 }}
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
          testId="petitions"
          label={t('petitions.title')}
          items={q.items}
          columns={columns}
          rowKey={(p) => p.id}
          rowHref={(p) => `/petitions/${p.id}`}
          hasNextPage={q.hasNextPage}
          isFetchingNextPage={q.isFetchingNextPage}
          fetchNextPage={() => void q.fetchNextPage()}
        />
      )}
    </Page>
  );
}
