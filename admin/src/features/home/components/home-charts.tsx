/**
 * Beside the trend, the caller's direct subordinate units compared (issue 17 item 8): draft score and rank,
 * open and overdue rectifications, and their lights — from the home answer; the trend from three lists.
 */
import type { HomeResponse } from '@jiandu/shared/api';
import { LIGHT_LABELS } from '@jiandu/shared/labels';
import { Skeleton, Tag } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { Panel } from '../../../components/ui/panel.js';
import { ScrollRegion } from '../../../components/ui/scroll-region.js';
import { useI18n } from '../../../i18n/index.js';
import { points, recentMonths } from '../../../lib/format.js';
import { useTrend } from '../api/home.js';

const Chart = lazy(() => import('../../../components/ui/chart.js').then((m) => ({ default: m.Chart })));

const LIGHT_COLOR = { red: 'red', yellow: 'gold', green: 'green' } as const;

export function Subordinates({ data, loading }: { data: HomeResponse | undefined; loading: boolean }) {
  const { t, label } = useI18n();
  const units = useUnits();
  const rows = data?.behind?.units ?? [];
  if (!loading && rows.length === 0) return null;
  const name = (id: string) => data?.unitNames[id] ?? units.name(id);
  return (
    <Panel title={t('home.compare')} testId="home-compare">
      {loading ? (
        <Skeleton active title={false} paragraph={{ rows: 4 }} />
      ) : (
        <ScrollRegion label={t('home.compare')}>
          <table className="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('common.unit')}</th>
                <th scope="col">{t('rank.total')}</th>
                <th scope="col">{t('rank.rank')}</th>
                <th scope="col">{t('home.openRect')}</th>
                <th scope="col">{t('home.overdueRect')}</th>
                <th scope="col">{t('light.title')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.unitId} data-testid="compare-row">
                  <th scope="row">
                    <Link to={`/rectifications?state=open&unitId=${encodeURIComponent(u.unitId)}`}>
                      {name(u.unitId)}
                    </Link>
                  </th>
                  <td>{u.total === null ? '—' : points(u.total)}</td>
                  <td>{u.rank === null ? '—' : `${u.rank} / ${u.groupSize}`}</td>
                  <td>{u.open}</td>
                  <td className={u.overdue > 0 ? 'danger' : undefined}>{u.overdue}</td>
                  <td>
                    {(['red', 'yellow', 'green'] as const).map((l) => (
                      <Tag key={l} color={LIGHT_COLOR[l]} title={label(LIGHT_LABELS, l)}>
                        {u.lights[l]}
                      </Tag>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Panel>
  );
}

export function TrendCard({ petitionReader }: { petitionReader: boolean }) {
  const { t } = useI18n();
  const months = useMemo(() => recentMonths(6).reverse(), []);
  const q = useTrend(months, petitionReader);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {
        top: 0,
        data: [
          t('home.trendFindings'),
          ...(petitionReader ? [t('home.trendPetitions')] : []),
          t('home.trendSignals'),
        ],
      },
      grid: { left: 36, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: q.points.map((p) => p.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('home.trendFindings'), type: 'line', data: q.points.map((p) => p.findings) },
        ...(petitionReader
          ? [
              {
                name: t('home.trendPetitions'),
                type: 'bar',
                data: q.points.map((p) => p.petitions),
                barMaxWidth: 18,
              },
            ]
          : []),
        { name: t('home.trendSignals'), type: 'bar', data: q.points.map((p) => p.negative), barMaxWidth: 18 },
      ],
    }),
    [q.points, t, petitionReader],
  );
  return (
    <Panel title={t('home.trend')} testId="home-trend">
      {q.isLoading ? (
        <Skeleton active title={false} paragraph={{ rows: 5 }} />
      ) : (
        <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 5 }} />}>
          <Chart option={option} label={t('home.trend')} />
        </Suspense>
      )}
    </Panel>
  );
}
