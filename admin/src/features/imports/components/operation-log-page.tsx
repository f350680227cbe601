/** 操作日志: who exported, imported, revealed or read what, with which filter and how many rows. */
import type { OperationEntryView } from '@jiandu/shared/api';
import { OPERATION_ACTION_LABELS } from '@jiandu/shared/labels';
import { Select, Tag } from 'antd';
import { useUnits } from '../../../api/units.js';
import { DateRangeFilter } from '../../../components/ui/filters.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { OPLOG_FILTERS, useOperationLog } from '../api/operation-log.js';

const TARGETS = [
  'findings',
  'rectifications',
  'petitions',
  'signals',
  'cases',
  'alerts',
  'ranking-snapshot',
  'bulletin',
  'rectification-ledger',
  'organisation',
  'past-records',
  'petition',
  'operation-log',
  'account',
] as const;
type Target = (typeof TARGETS)[number];

const ACTION_COLOR: Partial<Record<OperationEntryView['action'], string>> = {
  export: 'blue',
  import: 'green',
  'identity.reveal': 'red',
};

const filterText = (f: Record<string, string>) =>
  Object.entries(f)
    .map(([k, v]) => `${k}=${v}`)
    .join(' · ');

export function OperationLogPage() {
  const { t, label } = useI18n();
  const units = useUnits();
  const [f, setF] = useUrlFilters(OPLOG_FILTERS);
  const q = useOperationLog(f);
  const columns: Column<OperationEntryView>[] = [
    { key: 'at', title: t('oplog.at'), width: '150px', render: (e) => fmtInstant(e.at) },
    { key: 'who', title: t('oplog.who'), width: '1fr', render: (e) => e.actorName },
    {
      key: 'action',
      title: t('oplog.action'),
      width: '90px',
      render: (e) => (
        <Tag color={ACTION_COLOR[e.action] ?? 'default'}>{label(OPERATION_ACTION_LABELS, e.action)}</Tag>
      ),
    },
    {
      key: 'target',
      title: t('oplog.target'),
      width: '1fr',
      render: (e) =>
        `${(TARGETS as readonly string[]).includes(e.target) ? t(`oplog.target.${e.target as Target}`) : e.target}${
          e.subject ? ` · ${e.subject.username}` : ''
        }`,
    },
    { key: 'scope', title: t('common.unit'), width: '1fr', render: (e) => units.name(e.scopeUnitId) },
    {
      key: 'filter',
      title: t('oplog.filter'),
      width: '2fr',
      secondary: true,
      render: (e) => [filterText({ ...e.filter, ...e.detail }), e.reason].filter(Boolean).join(' · ') || '—',
    },
    {
      key: 'rows',
      title: t('oplog.rows'),
      width: '90px',
      render: (e) =>
        e.outcome === 'complete'
          ? e.rows
          : `${e.rows} (${t(e.outcome === 'refused' ? 'oplog.refused' : 'oplog.failed')})`,
    },
  ];
  return (
    <Page title={t('oplog.title')}>
      <search className="filters" aria-label={t('common.filters')}>
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        <Select
          allowClear
          placeholder={t('oplog.action')}
          aria-label={t('oplog.action')}
          value={f.action}
          onChange={(v) => setF({ action: v })}
          options={Object.keys(OPERATION_ACTION_LABELS).map((a) => ({
            value: a,
            label: label(OPERATION_ACTION_LABELS, a),
          }))}
          data-testid="filter-action"
        />
        <DateRangeFilter from={f.from} to={f.to} onChange={setF} />
      </search>
      <ListBody
        q={q}
        testId="operation-log"
        label={t('oplog.title')}
        columns={columns}
        rowKey={(e) => e.id}
        // Each entry's action links to every entry of that action (and gives the list focusable content).
        rowHref={(e) => `/operation-log?action=${e.action}`}
        linkColumn="action"
      />
    </Page>
  );
}
