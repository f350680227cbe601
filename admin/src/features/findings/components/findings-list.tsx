import { PlusOutlined } from '@ant-design/icons';
import { type Finding, findingSeverity, findingSource, problemCategory } from '@jiandu/shared';
import { Button, Input, Select, Tag } from 'antd';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { Page } from '../../../components/ui/page.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { type Column, VirtualList } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fenToYuan } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useUser } from '../../../lib/use-session.js';
import { FINDING_FILTERS, useFindings } from '../api/findings.js';
import { OutboxPanel } from './outbox-panel.js';

const SEVERITY_COLOR: Record<string, string> = { general: 'default', serious: 'orange', grave: 'red' };

export function FindingsList() {
  const { t, label } = useI18n();
  const user = useUser();
  const [f, setF, clear] = useUrlFilters(FINDING_FILTERS);
  const q = useFindings(f);
  const units = useUnits();
  const enumOptions = (e: { codes: readonly string[]; labels: Record<string, { zh: string; en: string }> }) =>
    e.codes.map((c) => ({ value: c, label: label(e, c) }));
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
      title: `${t('common.amount')}（${t('common.yuan')}）`,
      width: '110px',
      secondary: true,
      render: (r) => fenToYuan(r.amountFen),
    },
    { key: 'date', title: t('findings.discoveredOn'), width: '100px', render: (r) => r.discoveredOn },
  ];
  const filtered = Object.keys(f).length > 0;
  return (
    <Page
      title={t('findings.title')}
      extra={
        <>
          <ExportButton list="findings" query={f} />
          {user.roles.includes('inspector') ? (
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
      <search className="filters" aria-label={t('common.filters')}>
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        <Select
          allowClear
          placeholder={t('common.category')}
          aria-label={t('common.category')}
          value={f.category}
          onChange={(v) => setF({ category: v })}
          options={enumOptions(problemCategory)}
          data-testid="filter-category"
        />
        <Select
          allowClear
          placeholder={t('common.severity')}
          aria-label={t('common.severity')}
          value={f.severity}
          onChange={(v) => setF({ severity: v })}
          options={enumOptions(findingSeverity)}
          data-testid="filter-severity"
        />
        <Input
          type="date"
          aria-label={t('common.from')}
          value={f.from ?? ''}
          onChange={(e) => setF({ from: e.target.value })}
          data-testid="filter-from"
          style={{ width: 150 }}
        />
        <Input
          type="date"
          aria-label={t('common.to')}
          value={f.to ?? ''}
          onChange={(e) => setF({ to: e.target.value })}
          data-testid="filter-to"
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
          testId="findings"
          label={t('findings.title')}
          items={q.items}
          columns={columns}
          rowKey={(r) => r.id}
          rowHref={(r) => `/findings/${r.id}`}
          hasNextPage={q.hasNextPage}
          isFetchingNextPage={q.isFetchingNextPage}
          fetchNextPage={() => void q.fetchNextPage()}
        />
      )}
    </Page>
  );
}
