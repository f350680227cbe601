/** 舆情: the triage queue (assign a unit) and the list, major negative signals on top. */

import { polarity, signalSeverity } from '@jiandu/shared';
import type { SignalView } from '@jiandu/shared/api';
import { Alert, App, Button, Modal, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { DateRangeFilter, EnumFilter } from '../../../components/ui/filters.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { type Column, VirtualList } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { SIGNAL_FILTERS, useAssignSignal, useSignals, useTriage } from '../api/signals.js';

const SEV_COLOR: Record<string, string> = { ordinary: 'default', notable: 'orange', major: 'red' };
const isMajorNegative = (s: SignalView) => s.severity === 'major' && s.polarity === 'negative';

function useColumns(extra?: Column<SignalView>) {
  const { t, label } = useI18n();
  const units = useUnits();
  const cols: Column<SignalView>[] = [
    {
      key: 'title',
      title: t('opinion.titleCol'),
      width: '3fr',
      render: (s) => (
        <span>
          {isMajorNegative(s) ? (
            <Tag color="red" data-testid="badge-major-negative">
              {t('opinion.majorNegative')}
            </Tag>
          ) : null}
          <a href={s.url} target="_blank" rel="noreferrer noopener">
            {s.title}
          </a>
        </span>
      ),
    },
    {
      key: 'platform',
      title: t('opinion.platform'),
      width: '90px',
      secondary: true,
      render: (s) => s.platform,
    },
    {
      key: 'unit',
      title: t('common.unit'),
      width: '1.2fr',
      render: (s) => (s.unitId ? units.name(s.unitId) : '—'),
    },
    {
      key: 'sev',
      title: t('common.severity'),
      width: '130px',
      render: (s) => (
        <>
          <Tag color={SEV_COLOR[s.severity]}>{label(signalSeverity, s.severity)}</Tag>
          <Tag>{label(polarity, s.polarity)}</Tag>
        </>
      ),
    },
    {
      key: 'reach',
      title: t('opinion.reposts'),
      width: '1.4fr',
      render: (s) => (
        <span>
          <strong data-testid="repost-count">{s.repostCount}</strong>{' '}
          <span className="muted small">
            {t('opinion.reach', {
              reads: s.reach.reads,
              reposts: s.reach.reposts,
              comments: s.reach.comments,
            })}
          </span>
        </span>
      ),
    },
    {
      key: 'at',
      title: t('opinion.publishedAt'),
      width: '130px',
      secondary: true,
      render: (s) => fmtInstant(s.publishedAt),
    },
  ];
  return extra ? [...cols, extra] : cols;
}

function AssignButton({ s }: { s: SignalView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | undefined>();
  const assign = useAssignSignal();
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="assign-signal">
        {t('opinion.assign')}
      </Button>
      <Modal
        open={open}
        title={t('opinion.assignTitle')}
        onCancel={() => setOpen(false)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !unitId, 'data-testid': 'assign-ok' } as never}
        confirmLoading={assign.isPending}
        onOk={() =>
          unitId &&
          assign.mutate(
            { id: s.id, unitId, expectedVersion: s.version },
            {
              onSuccess: () => {
                message.success(t('opinion.assigned'));
                setOpen(false);
              },
            },
          )
        }
      >
        <p>{s.title}</p>
        <UnitPicker
          value={unitId ?? null}
          onChange={setUnitId}
          testId="assign-unit"
          style={{ width: '100%' }}
        />
        {assign.error ? <ErrorAlert error={assign.error} /> : null}
      </Modal>
    </>
  );
}

function TriageQueue() {
  const { t } = useI18n();
  const q = useTriage();
  const can = useCan();
  const canAssign = can('signal.assign');
  const columns = useColumns(
    canAssign
      ? { key: 'assign', title: t('common.actions'), width: '80px', render: (s) => <AssignButton s={s} /> }
      : undefined,
  );
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (!q.items.length) return <EmptyState hint={t('opinion.triageEmpty')} />;
  return (
    <VirtualList
      testId="triage"
      label={t('opinion.triage')}
      items={q.items}
      columns={columns}
      rowKey={(s) => s.id}
      rowClassName={(s) => (isMajorNegative(s) ? 'major-negative' : undefined)}
      hasNextPage={q.hasNextPage}
      isFetchingNextPage={q.isFetchingNextPage}
      fetchNextPage={() => void q.fetchNextPage()}
    />
  );
}

function SignalList() {
  const { t } = useI18n();
  const [f, setF, clear] = useUrlFilters(SIGNAL_FILTERS);
  const q = useSignals(f);
  // Major negative signals of the same filter are pinned on top, whatever their date.
  const pinnedFilter = { ...f, severity: 'major', polarity: 'negative' };
  const showPinned = (!f.severity || f.severity === 'major') && (!f.polarity || f.polarity === 'negative');
  const pinned = useSignals(pinnedFilter, showPinned);
  const columns = useColumns();
  const pinnedIds = new Set(showPinned ? pinned.items.map((s) => s.id) : []);
  const items = [...(showPinned ? pinned.items : []), ...q.items.filter((s) => !pinnedIds.has(s.id))];
  const filtered = Object.keys(f).length > 0;
  return (
    <>
      <search className="filters" aria-label={t('common.filters')}>
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        <EnumFilter
          e={signalSeverity}
          placeholder={t('common.severity')}
          value={f.severity}
          onChange={(v) => setF({ severity: v })}
          testId="filter-severity"
        />
        <EnumFilter
          e={polarity}
          placeholder={t('opinion.polarity')}
          value={f.polarity}
          onChange={(v) => setF({ polarity: v })}
          testId="filter-polarity"
        />
        <DateRangeFilter from={f.from} to={f.to} onChange={setF} />
        {filtered ? <Button onClick={clear}>{t('common.clearFilters')}</Button> : null}
        <ExportButton list="signals" query={f} />
      </search>
      {pinnedIds.size > 0 ? (
        <Alert type="error" showIcon title={t('opinion.majorNegativeHint')} className="banner" />
      ) : null}
      <ListBody
        q={{ ...q, items }}
        filtered={filtered}
        onClear={clear}
        testId="signals"
        label={t('opinion.list')}
        columns={columns}
        rowKey={(s) => s.id}
        rowClassName={(s) => (isMajorNegative(s) ? 'major-negative' : undefined)}
      />
    </>
  );
}

export function OpinionPage() {
  const { t } = useI18n();
  const [f, setF] = useUrlFilters(['tab'] as const);
  const can = useCan();
  const canTriage = can('signal.triage.read');
  const tab = canTriage ? (f.tab ?? 'triage') : 'list';
  return (
    <Page title={t('opinion.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setF({ tab: k })}
        destroyOnHidden
        items={[
          ...(canTriage ? [{ key: 'triage', label: t('opinion.triage'), children: <TriageQueue /> }] : []),
          { key: 'list', label: t('opinion.list'), children: <SignalList /> },
        ]}
      />
    </Page>
  );
}
