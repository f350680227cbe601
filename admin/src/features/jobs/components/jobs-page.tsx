/** 定时任务: each job's schedule, its recorded runs (counts, errors), and — for admins — dead letters. */
import type { DeliveryView, JobRun } from '@jiandu/shared/api';
import { App, Button, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { type Column, VirtualList } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { fmtInstant } from '../../../lib/format.js';
import { useCan } from '../../../lib/use-can.js';
import {
  type RunFilters,
  useDeadLetters,
  useJobRuns,
  useRetryDeadLetter,
  useSchedules,
} from '../api/jobs.js';
import { SubscriptionsPanel } from './subscriptions-panel.js';

const STATUS_COLOR: Record<string, string> = { running: 'blue', succeeded: 'green', failed: 'red' };
const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ');

function Schedules() {
  const { t } = useI18n();
  const q = useSchedules();
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Table
      data-testid="schedules"
      size="small"
      pagination={false}
      rowKey="job"
      dataSource={q.data?.items ?? []}
      columns={[
        { key: 'job', title: t('jobs.job'), dataIndex: 'job' },
        { key: 'cron', title: t('jobs.cron'), render: (_, s) => `${s.cron} (${s.timeZone})` },
        {
          key: 'last',
          title: t('jobs.lastCompleted'),
          render: (_, s) => (s.lastCompleted ? fmtInstant(s.lastCompleted) : '—'),
        },
        {
          key: 'next',
          title: t('jobs.nextRun'),
          render: (_, s) => (s.nextRun ? fmtInstant(s.nextRun) : '—'),
        },
      ]}
    />
  );
}

function Runs() {
  const { t } = useI18n();
  const [f, setF] = useState<RunFilters>({});
  const q = useJobRuns(f);
  const schedules = useSchedules();
  const columns: Column<JobRun>[] = [
    { key: 'job', title: t('jobs.job'), width: '1.2fr', render: (r) => r.job },
    { key: 'for', title: t('jobs.forTime'), width: '140px', render: (r) => fmtInstant(r.forTime) },
    {
      key: 'status',
      title: t('jobs.status'),
      width: '100px',
      render: (r) => <Tag color={STATUS_COLOR[r.status]}>{t(`jobs.status.${r.status}`)}</Tag>,
    },
    {
      key: 'counts',
      title: t('jobs.counts'),
      width: '2fr',
      render: (r) => (r.error ? <span className="error-text">{r.error}</span> : counts(r.counts) || '—'),
    },
    {
      key: 'time',
      title: t('jobs.startedAt'),
      width: '140px',
      secondary: true,
      render: (r) => fmtInstant(r.startedAt),
    },
  ];
  return (
    <>
      <search className="filters" aria-label={t('common.filters')}>
        <Select
          allowClear
          placeholder={t('jobs.job')}
          aria-label={t('jobs.job')}
          value={f.job}
          onChange={(v) => setF({ ...f, job: v })}
          options={(schedules.data?.items ?? []).map((s) => ({ value: s.job, label: s.job }))}
          data-testid="filter-job"
          style={{ minWidth: 180 }}
        />
        <Select
          allowClear
          placeholder={t('jobs.status')}
          aria-label={t('jobs.status')}
          value={f.status}
          onChange={(v) => setF({ ...f, status: v })}
          options={(['running', 'succeeded', 'failed'] as const).map((s) => ({
            value: s,
            label: t(`jobs.status.${s}`),
          }))}
          data-testid="filter-status"
        />
      </search>
      <ListBody q={q} testId="job-runs" label={t('jobs.runs')} columns={columns} rowKey={(r) => r.id} />
    </>
  );
}

function DeadLetters() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const q = useDeadLetters(true);
  const retry = useRetryDeadLetter();
  const columns: Column<DeliveryView>[] = [
    { key: 'title', title: t('jobs.notification'), width: '2fr', render: (d) => d.notification.title },
    { key: 'channel', title: t('jobs.channel'), width: '90px', render: (d) => d.channel },
    { key: 'to', title: t('jobs.to'), width: '1fr', render: (d) => d.to },
    { key: 'attempts', title: t('jobs.attempts'), width: '70px', render: (d) => d.attempts },
    {
      key: 'err',
      title: t('jobs.lastError'),
      width: '2fr',
      secondary: true,
      render: (d) => d.lastError ?? '—',
    },
    {
      key: 'act',
      title: t('common.actions'),
      width: '90px',
      render: (d) => (
        <Button
          size="small"
          data-testid="dead-letter-retry"
          onClick={() =>
            retry.mutate(d, {
              onSuccess: () => message.success(t('jobs.retried')),
              onError: (e) =>
                message.error(e instanceof ApiError && e.isConflict ? t('error.conflict') : errorText(e)),
            })
          }
        >
          {t('jobs.retry')}
        </Button>
      ),
    },
  ];
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.items.length === 0) return <EmptyState hint={t('jobs.noDeadLetters')} />;
  return (
    <VirtualList
      testId="dead-letters"
      label={t('jobs.deadLetters')}
      items={q.items}
      columns={columns}
      rowKey={(d) => d.id}
      hasNextPage={q.hasNextPage}
      isFetchingNextPage={q.isFetchingNextPage}
      fetchNextPage={() => void q.fetchNextPage()}
    />
  );
}

export function JobsPage() {
  const { t } = useI18n();
  const can = useCan();
  const admin = can('notification.manage');
  return (
    <Page title={t('jobs.title')}>
      <Tabs
        items={[
          { key: 'runs', label: t('jobs.runs'), children: <Runs /> },
          { key: 'schedules', label: t('jobs.schedules'), children: <Schedules /> },
          ...(admin
            ? [
                { key: 'dead', label: t('jobs.deadLetters'), children: <DeadLetters /> },
                { key: 'subscriptions', label: t('jobs.subscriptions'), children: <SubscriptionsPanel /> },
              ]
            : []),
        ]}
      />
    </Page>
  );
}
