/**
 * 迁移记录: what each migration import did — rows in, refused, created, updated and unchanged, the records
 * it created by type, the quarters its records count in — and, on request, whether the aggregates of
 * those quarters equal a rebuild from the records (the proof the rankings' inputs are what the records say).
 */
import type { ImportKind, ImportRun } from '@jiandu/shared/api';
import { Button, Select, Tag } from 'antd';
import { useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { type MessageKey, useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { MIGRATION_FILTERS, useMigrationRuns, useRunCheck } from '../api/migrations.js';

const KINDS: readonly ImportKind[] = ['ledger', 'organisation', 'history'];
const kindKey = (k: ImportKind): MessageKey => `migration.kind.${k}`;

/** Record types as the runs name them, in words; an unknown one shows as sent. */
const TYPE_KEYS: Record<string, MessageKey> = {
  rectification: 'migration.type.rectification',
  finding: 'migration.type.finding',
  petition: 'migration.type.petition',
  signal: 'migration.type.signal',
  indicator: 'migration.type.indicator',
  unit: 'migration.type.unit',
  person: 'migration.type.person',
  tenure: 'migration.type.tenure',
};

function RunCheck({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  const q = useRunCheck(run.id, asked);
  if (!asked)
    return (
      <Button size="small" onClick={() => setAsked(true)} data-testid={`check-${run.id}`}>
        {t('migration.check')}
      </Button>
    );
  if (q.isLoading) return <span aria-busy="true">{t('migration.checking')}</span>;
  if (q.error || !q.data) return <Tag color="orange">{t('migration.checkFailed')}</Tag>;
  if (q.data.equal)
    return (
      <Tag color="green" data-testid={`check-result-${run.id}`}>
        {t('migration.equal')}
      </Tag>
    );
  const differing = q.data.quarters.filter((x) => x.differences.length > 0);
  return (
    <Tag color="red" data-testid={`check-result-${run.id}`}>
      {t('migration.differs')}: {differing.map((x) => `${x.quarter} (${x.differences.length})`).join('、')}
    </Tag>
  );
}

export function MigrationsPage() {
  const { t } = useI18n();
  const units = useUnits();
  const [f, setF] = useUrlFilters(MIGRATION_FILTERS);
  const q = useMigrationRuns(f);
  const typeName = (type: string) => (TYPE_KEYS[type] ? t(TYPE_KEYS[type]) : type);
  const columns: Column<ImportRun>[] = [
    { key: 'at', title: t('migration.at'), width: '150px', render: (r) => fmtInstant(r.at) },
    {
      key: 'kind',
      title: t('migration.kind'),
      width: '110px',
      render: (r) => <Tag>{t(kindKey(r.kind))}</Tag>,
    },
    { key: 'file', title: t('migration.file'), width: '2fr', render: (r) => r.fileName },
    { key: 'who', title: t('migration.importer'), width: '1fr', render: (r) => r.importerName },
    { key: 'scope', title: t('common.unit'), width: '1fr', render: (r) => units.name(r.scopeUnitId) },
    {
      key: 'rows',
      title: t('migration.rows'),
      width: '2fr',
      render: (r) =>
        t('migration.rowCounts', {
          in: r.rows.in,
          refused: r.rows.refused,
          created: r.rows.created,
          updated: r.rows.updated,
          unchanged: r.rows.unchanged,
        }),
    },
    {
      key: 'created',
      title: t('migration.created'),
      width: '2fr',
      secondary: true,
      render: (r) =>
        Object.entries(r.created)
          .filter(([, n]) => n > 0)
          .map(([type, n]) => `${typeName(type)} ${n}`)
          .join('、') || '—',
    },
    {
      key: 'quarters',
      title: t('migration.quarters'),
      width: '1fr',
      secondary: true,
      render: (r) => r.quarters.join('、') || '—',
    },
    { key: 'check', title: t('migration.checkTitle'), width: '150px', render: (r) => <RunCheck run={r} /> },
  ];
  return (
    <Page title={t('migration.title')}>
      <search className="filters" aria-label={t('common.filters')}>
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        <Select
          allowClear
          placeholder={t('migration.kind')}
          aria-label={t('migration.kind')}
          value={f.kind}
          onChange={(v) => setF({ kind: v })}
          options={KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
          data-testid="filter-kind"
        />
      </search>
      <ListBody
        q={q}
        testId="migrations"
        label={t('migration.title')}
        columns={columns}
        rowKey={(r) => r.id}
        emptyHint={t('migration.empty')}
      />
    </Page>
  );
}
