import { PlusOutlined } from '@ant-design/icons';
import { type Finding, findingSeverity, findingSource, problemCategory } from '@jiandu/shared';
import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { DateRangeFilter, EnumFilter, FilterBar } from '../../../components/ui/filters.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fenToWanExact } from '../../../lib/format.js';
import { useListFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { FINDING_FILTERS, useFindings } from '../api/findings.js';
import { OutboxPanel } from './outbox-panel.js';

const SEVERITY_COLOR: Record<string, string> = { general: 'default', serious: 'orange', grave: 'red' };

export function FindingsList() {
  const { t, label } = useI18n();
  const can = useCan();
  const { f, setF, bar, empty } = useListFilters(FINDING_FILTERS);
  const q = useFindings(f);
  const units = useUnits();
  const columns: Column<Finding>[] = [
    { key: 'desc', title: t('common.description'), width: '3fr', render: (r) => r.description },
    { key: 'unit', title: t('common.unit'), width: '1.3fr', render: (r) => units.name(r.unitId) },
    {
      key: 'cat',
      title: t('common.category'),
      width: '1fr',
      render: (r) => label(problemCategory, r.category),
    },
    {
      key: 'sev',
      title: t('common.severity'),
      width: '80px',
      render: (r) => <Tag color={SEVERITY_COLOR[r.severity]}>{label(findingSeverity, r.severity)}</Tag>,
    },
    {
      key: 'src',
      title: t('common.source'),
      width: '1fr',
      secondary: true,
      render: (r) => label(findingSource, r.source),
    },
    {
      key: 'amt',
      title: `${t('common.amount')}（${t('common.wan')}）`,
      width: '110px',
      secondary: true,
      render: (r) => fenToWanExact(r.amountFen),
    },
    { key: 'date', title: t('findings.discoveredOn'), width: '100px', render: (r) => r.discoveredOn },
  ];
  return (
    <Page
      title={t('findings.title')}
      extra={
        <>
          <ExportButton list="findings" query={f} />
          {can('finding.create') ? (
            <Link to="/findings/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="finding-new">
                {t('findings.new')}
              </Button>
            </Link>
          ) : null}
        </>
      }
    >
      <OutboxPanel />
      <FilterBar {...bar}>
        <EnumFilter
          e={problemCategory}
          placeholder={t('common.category')}
          value={f.category}
          onChange={(v) => setF({ category: v })}
          testId="filter-category"
        />
        <EnumFilter
          e={findingSeverity}
          placeholder={t('common.severity')}
          value={f.severity}
          onChange={(v) => setF({ severity: v })}
          testId="filter-severity"
        />
        <DateRangeFilter from={f.from} to={f.to} onChange={setF} />
      </FilterBar>
      <ListBody
        q={q}
        {...empty}
        testId="findings"
        label={t('findings.title')}
        columns={columns}
        rowKey={(r) => r.id}
        rowHref={(r) => `/findings/${r.id}`}
      />
    </Page>
  );
}
