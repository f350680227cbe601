/** A unit's published ranks across quarters, with a chart (ECharts, loaded here only). */
import type { UnitHistoryItem } from '@jiandu/shared/api';
import { Button, Card, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { Chart } from '../../../components/ui/chart.js';
import { Page } from '../../../components/ui/page.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { points } from '../../../lib/format.js';
import { useUnitHistory } from '../api/rankings.js';

export function UnitHistoryPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const units = useUnits();
  const q = useUnitHistory(id);
  const items = useMemo(
    () => [...(q.data?.items ?? [])].sort((a, b) => (a.quarter < b.quarter ? -1 : 1)),
    [q.data],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('rank.rank'), t('rank.total')] },
      grid: { left: 40, right: 40, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: items.map((i) => i.quarter) },
      yAxis: [
        { type: 'value', inverse: true, minInterval: 1, name: t('rank.rank') },
        { type: 'value', min: 0, max: 100, name: t('rank.total') },
      ],
      series: [
        { name: t('rank.rank'), type: 'line', data: items.map((i) => i.rank) },
        {
          name: t('rank.total'),
          type: 'bar',
          yAxisIndex: 1,
          data: items.map((i) => i.total / 100),
          barMaxWidth: 24,
        },
      ],
    }),
    [items, t],
  );
  return (
    <Page
      title={`${t('rank.history')} · ${units.name(id)}`}
      extra={
        <Link to="/rankings">
          <Button>{t('common.back')}</Button>
        </Link>
      }
    >
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : !items.length ? (
        <EmptyState hint={t('rank.noPublished')} />
      ) : (
        <>
          <Card className="banner">
            <Chart option={option} label={t('rank.history')} />
          </Card>
          <Table<UnitHistoryItem>
            data-testid="unit-history"
            rowKey="snapshotId"
            size="small"
            pagination={false}
            dataSource={[...items].reverse()}
            columns={[
              { key: 'q', title: t('common.quarter'), dataIndex: 'quarter' },
              { key: 'r', title: t('rank.rank'), render: (_, i) => `${i.rank} / ${i.groupSize}` },
              { key: 's', title: t('rank.total'), render: (_, i) => points(i.total) },
              {
                key: 'c',
                title: t('rank.card'),
                render: (_, i) => (
                  <>
                    {i.carded ? <Tag color="gold">{t('rank.card')}</Tag> : null}
                    {i.amended ? <Tag>{t('rank.amend')}</Tag> : null}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
