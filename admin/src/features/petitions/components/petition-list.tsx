import { PlusOutlined } from '@ant-design/icons';
import { petitionState, problemCategory } from '@jiandu/shared';
import type { PetitionView } from '@jiandu/shared/api';
import { Button } from 'antd';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { RemindButton } from '../../../components/reminders/remind-button.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import {
  DateRangeFilter,
  DueSortFilter,
  EnumFilter,
  FilterBar,
  OptionFilter,
  YesNoFilter,
} from '../../../components/ui/filters.js';
import { LIGHT_ENUM, LightTag } from '../../../components/ui/light-tag.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useListFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { PETITION_FILTERS, usePetitions } from '../api/petitions.js';
import { CurrentSla, PetitionBadges } from './sla.js';

export function PetitionList() {
  const { t, label } = useI18n();
  const can = useCan();
  const { f, setF, bar, empty } = useListFilters(PETITION_FILTERS);
  const q = usePetitions(f);
  const overdue = q.items.filter((p) => p.light === 'red');
  const units = useUnits();
  const columns: Column<PetitionView>[] = [
    { key: 'matter', title: t('petitions.matter'), width: '2.5fr', render: (p) => p.matter },
    { key: 'who', title: t('petitions.petitioner'), width: '90px', render: (p) => p.petitioner.name },
    { key: 'unit', title: t('common.unit'), width: '1.2fr', render: (p) => units.name(p.unitId) },
    { key: 'state', title: t('common.state'), width: '90px', render: (p) => label(petitionState, p.state) },
    { key: 'light', title: t('light.title'), width: '70px', render: (p) => <LightTag light={p.light} /> },
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
  return (
    <Page
      title={t('petitions.title')}
      extra={
        <>
          <RemindButton
            // 批量催办: the rows loaded on this screen (its filters) whose light is red — an open SLA clock
            // past its due (the light is null once a petition is closed); ≤ 19 per request.
            targets={overdue.map((p) => ({ type: 'petition' as const, id: p.id }))}
            label={t('remind.batch', { n: overdue.length })}
            testId="remind-batch"
          />
          <ExportButton list="petitions" query={f} />
          {can('petition.handle') ? (
            <Link to="/petitions/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="petition-new">
                {t('petitions.new')}
              </Button>
            </Link>
          ) : null}
        </>
      }
    >
      <FilterBar {...bar}>
        <EnumFilter
          e={petitionState}
          placeholder={t('common.state')}
          value={f.state}
          onChange={(v) => setF({ state: v })}
          testId="filter-state"
        />
        <EnumFilter
          e={problemCategory}
          placeholder={t('common.category')}
          value={f.category}
          onChange={(v) => setF({ category: v })}
        />
        <OptionFilter
          placeholder={t('petitions.filterSla')}
          value={f.sla}
          onChange={(v) => setF({ sla: v })}
          options={[
            { value: 'overdue', label: t('petitions.slaOverdue') },
            { value: 'pending', label: t('petitions.slaPending') },
          ]}
          testId="filter-sla"
        />
        <EnumFilter
          e={LIGHT_ENUM}
          placeholder={t('light.title')}
          value={f.light}
          onChange={(v) => setF({ light: v })}
          testId="filter-light"
        />
        <YesNoFilter
          placeholder={t('petitions.repeated')}
          value={f.repeated}
          onChange={(v) => setF({ repeated: v })}
        />
        <YesNoFilter
          placeholder={t('petitions.escalated')}
          value={f.escalated}
          onChange={(v) => setF({ escalated: v })}
        />
        <DateRangeFilter from={f.from} to={f.to} onChange={setF} />
        <DueSortFilter value={f.sort} onChange={(v) => setF({ sort: v })} testId="filter-sort" />
      </FilterBar>
      <ListBody
        q={q}
        {...empty}
        testId="petitions"
        label={t('petitions.title')}
        columns={columns}
        rowKey={(p) => p.id}
        rowHref={(p) => `/petitions/${p.id}`}
      />
    </Page>
  );
}
