import { caseState, caseTriggerKind } from '@jiandu/shared';
import type { CaseView } from '@jiandu/shared/api';
import { Tag } from 'antd';
import { useUnits } from '../../../api/units.js';
import { RemindButton } from '../../../components/reminders/remind-button.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { DueSortFilter, EnumFilter, FilterBar } from '../../../components/ui/filters.js';
import { LIGHT_ENUM, LightTag } from '../../../components/ui/light-tag.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useListFilters } from '../../../lib/url-filters.js';
import { CASE_FILTERS, useCases } from '../api/cases.js';
import { TriggerText } from './trigger.js';

export function CaseList() {
  const { t, label } = useI18n();
  const { f, setF, bar, empty } = useListFilters(CASE_FILTERS);
  const q = useCases(f);
  const overdue = q.items.filter((c) => c.light === 'red');
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
    { key: 'light', title: t('light.title'), width: '70px', render: (c) => <LightTag light={c.light} /> },
    {
      key: 'at',
      title: t('cases.proposedAt'),
      width: '130px',
      secondary: true,
      render: (c) => fmtInstant(c.proposedAt),
    },
  ];
  return (
    <Page
      title={t('cases.title')}
      extra={
        <>
          <RemindButton
            // 批量催办: the rows loaded on this screen (its filters) whose light is red — an open case past
            // its deadline (null once closed); ≤ 19 per request. Shown only to holders of reminder.issue.
            targets={overdue.map((c) => ({ type: 'case' as const, id: c.id }))}
            label={t('remind.batch', { n: overdue.length })}
            testId="remind-batch"
          />
          <ExportButton list="cases" query={f} />
        </>
      }
    >
      <FilterBar {...bar}>
        <EnumFilter
          e={caseState}
          placeholder={t('common.state')}
          value={f.state}
          onChange={(v) => setF({ state: v })}
          testId="filter-state"
        />
        <EnumFilter
          e={caseTriggerKind}
          placeholder={t('cases.trigger')}
          value={f.trigger}
          onChange={(v) => setF({ trigger: v })}
          testId="filter-trigger"
        />
        <EnumFilter
          e={LIGHT_ENUM}
          placeholder={t('light.title')}
          value={f.light}
          onChange={(v) => setF({ light: v })}
          testId="filter-light"
        />
        <DueSortFilter value={f.sort} onChange={(v) => setF({ sort: v })} testId="filter-sort" />
      </FilterBar>
      <ListBody
        q={q}
        {...empty}
        testId="cases"
        label={t('cases.title')}
        columns={columns}
        rowKey={(c) => c.id}
        rowHref={(c) => `/cases/${c.id}`}
      />
    </Page>
  );
}
