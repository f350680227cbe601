/** A home per role: my work (what to act on, reviews waiting, alerts) and the jurisdiction at a glance. */
import { ALERT_SEVERITY_LABELS, LIGHT_LABELS, SIGNAL_SEVERITY_LABELS } from '@jiandu/shared/labels';
import { Tag } from 'antd';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useCurrentScheme } from '../../../api/scheme.js';
import { useUnits } from '../../../api/units.js';
import { LIGHT_CODES, LightTag } from '../../../components/ui/light-tag.js';
import { Page } from '../../../components/ui/page.js';
import { Panel } from '../../../components/ui/panel.js';
import { Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { currentQuarter, points, recentMonths } from '../../../lib/format.js';
import { useCan } from '../../../lib/use-can.js';
import { useUser } from '../../../lib/use-session.js';
import { type Count, useCount, useDraftRanking, useOpenAlerts, useRectQueue, useTrend } from '../api/home.js';

const Chart = lazy(() => import('../../../components/ui/chart.js').then((m) => ({ default: m.Chart })));

function SimpleList<T>({ items, empty, render }: { items: T[]; empty: string; render: (x: T) => ReactNode }) {
  return (
    <ul className="simple-list">{items.length ? items.map(render) : <li className="muted">{empty}</li>}</ul>
  );
}

function Figure({
  title,
  count,
  to,
  danger,
  testId,
}: {
  title: string;
  count: Count | undefined;
  to: string;
  danger?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Link to={to} className="figure-link" data-testid={testId}>
      <span className="figure">
        <span className="figure-title">{title}</span>
        <span className={`figure-value${danger && count && count.n > 0 ? ' danger' : ''}`}>
          {count ? (count.more ? t('home.atLeast', { n: count.n }) : count.n) : '…'}
        </span>
      </span>
    </Link>
  );
}

function RectQueue({ title, states, testId }: { title: string; states: string[]; testId: string }) {
  const { t } = useI18n();
  const units = useUnits();
  const q = useRectQueue(states);
  return (
    <Panel
      title={title}
      extra={<Link to={`/rectifications?state=${states[0]}`}>{t('home.seeAll')}</Link>}
      testId={testId}
    >
      {q.isLoading ? (
        <Loading />
      ) : (
        <SimpleList
          items={q.items.slice(0, 8)}
          empty={t('home.nothing')}
          render={(r) => (
            <li key={r.id}>
              <Link to={`/rectifications/${r.id}`}>{r.title}</Link>
              <span className="muted small">
                {' '}
                · {units.name(r.unitId)} · {r.deadline} <LightTag light={r.light} />
                {r.daysOverdue > 0 ? <Tag color="red">{t('rect.overdue', { n: r.daysOverdue })}</Tag> : null}
              </span>
            </li>
          )}
        />
      )}
    </Panel>
  );
}

function AlertsCard() {
  const { t, label } = useI18n();
  const q = useOpenAlerts();
  return (
    <Panel
      title={t('home.alerts')}
      extra={<Link to="/alerts?state=open">{t('home.seeAll')}</Link>}
      testId="home-alerts"
    >
      {q.isLoading ? (
        <Loading />
      ) : (
        <SimpleList
          items={q.data?.items ?? []}
          empty={t('home.nothing')}
          render={(a) => (
            <li key={a.id}>
              <span>
                <Tag>{label(ALERT_SEVERITY_LABELS, a.severity)}</Tag> {a.message}
              </span>
            </li>
          )}
        />
      )}
    </Panel>
  );
}

function RankCard() {
  const { t, lang } = useI18n();
  const scheme = useCurrentScheme();
  const ruleLabel = (ruleId: string) => {
    const r = scheme.data?.peerGroups.find((p) => p.id === ruleId);
    return r ? (lang === 'en' ? (r.labelEn ?? r.label) : r.label) : ruleId;
  };
  const user = useUser();
  const units = useUnits();
  const quarter = currentQuarter();
  const q = useDraftRanking(quarter);
  const mine = new Set([user.unitId, units.byId?.get(user.unitId)?.parentId ?? '']);
  const groups = q.data?.groups ?? [];
  const own = groups.find((g) => g.ranking.rows.some((r) => mine.has(r.unitId)));
  const row = own?.ranking.rows.find((r) => mine.has(r.unitId));
  return (
    <Panel
      title={`${t('home.rankPosition')} · ${quarter}`}
      extra={<Link to="/rankings">{t('home.seeAll')}</Link>}
      testId="home-rank"
    >
      {q.isLoading ? (
        <Loading />
      ) : row && own ? (
        <p>
          <strong>{units.name(row.unitId)}</strong> ·{' '}
          {t('home.rankOf', { rank: row.rank, size: own.ranking.rows.length })} · {t('rank.total')}{' '}
          {points(row.score.total)}
        </p>
      ) : groups.length ? (
        <SimpleList
          items={groups.slice(0, 6)}
          empty=""
          render={(g) => {
            const last = g.ranking.rows.filter(
              (r) => r.rank === g.ranking.rows[g.ranking.rows.length - 1]?.rank,
            );
            return (
              <li key={g.groupKey}>
                <Link to={`/rankings?group=${encodeURIComponent(g.groupKey)}`}>
                  {`${units.name(g.ranking.group.parentUnitId)} · ${ruleLabel(g.ranking.group.ruleId)}`}
                </Link>
                <span className="muted small">
                  {' '}
                  {t('home.lastRanked', { units: last.map((r) => units.name(r.unitId)).join('、') })}
                </span>
              </li>
            );
          }}
        />
      ) : (
        <p className="muted">{t('home.noGroup')}</p>
      )}
    </Panel>
  );
}

function TrendCard({ petitionReader }: { petitionReader: boolean }) {
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
        <Loading />
      ) : (
        <Suspense fallback={<Loading />}>
          <Chart option={option} label={t('home.trend')} />
        </Suspense>
      )}
    </Panel>
  );
}

function AdministratorHome() {
  const { t } = useI18n();
  const user = useUser();
  const can = useCan();
  return (
    <Page title={t('home.welcome', { name: user.name })}>
      <p className="muted" data-testid="home-administrator">
        {t('home.administrator')}
      </p>
      <ul>
        {can('oplog.read') ? (
          <li>
            <Link to="/operation-log">{t('nav.operationLog')}</Link>
          </li>
        ) : null}
        {can('user.read') ? (
          <li>
            <Link to="/admin/users">{t('nav.admin')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/inbox">{t('nav.inbox')}</Link>
        </li>
      </ul>
    </Page>
  );
}

export function HomePage() {
  const { t, label } = useI18n();
  const user = useUser();
  const can = useCan();
  const petitionReader = can('petition.read');
  const overview = can('rectification.read');
  const works = can('rectification.work');
  const reviews = can('rectification.review');
  const myWork = works || reviews || can('alert.act');
  const open = useCount('/rectifications', { state: 'open' }, overview);
  const overdue = useCount('/rectifications', { overdue: 'true' }, overview);
  const lightCounts = {
    red: useCount('/rectifications', { light: 'red' }, overview),
    yellow: useCount('/rectifications', { light: 'yellow' }, overview),
    green: useCount('/rectifications', { light: 'green' }, overview),
  };
  const pOver = useCount('/petitions', { sla: 'overdue' }, petitionReader);
  const pPend = useCount('/petitions', { sla: 'pending' }, petitionReader);
  const sMajor = useCount('/signals', { severity: 'major' }, overview);
  const sNotable = useCount('/signals', { severity: 'notable' }, overview);
  const sOrdinary = useCount('/signals', { severity: 'ordinary' }, overview);
  // The security and audit administrators read no programme records (三员分立): their home is their menu.
  if (!overview) return <AdministratorHome />;
  return (
    <Page title={t('home.welcome', { name: user.name })}>
      {myWork ? (
        <>
          <h2 className="section-title">{t('home.myWork')}</h2>
          <div className="card-grid">
            {works ? (
              <RectQueue title={t('home.toAct')} states={['assigned', 'in_progress']} testId="home-to-act" />
            ) : null}
            {reviews ? (
              <RectQueue
                title={t('home.toReview')}
                states={['submitted', 'first_approved']}
                testId="home-to-review"
              />
            ) : null}
            <AlertsCard />
          </div>
        </>
      ) : null}
      <h2 className="section-title">{t('home.jurisdiction')}</h2>
      <div className="figures">
        <Figure
          title={t('home.openRect')}
          count={open.data}
          to="/rectifications?state=open"
          testId="fig-open"
        />
        <Figure
          title={t('home.overdueRect')}
          count={overdue.data}
          to="/rectifications?state=open&overdue=true"
          danger
          testId="fig-overdue"
        />
        {LIGHT_CODES.map((l) => (
          <Figure
            key={l}
            title={t('home.lightRect', { light: label(LIGHT_LABELS, l) })}
            count={lightCounts[l].data}
            to={`/rectifications?state=open&light=${l}`}
            danger={l === 'red'}
            testId={`fig-light-${l}`}
          />
        ))}
        {petitionReader ? (
          <>
            <Figure
              title={t('home.petitionsOverdue')}
              count={pOver.data}
              to="/petitions?sla=overdue"
              danger
              testId="fig-petitions-overdue"
            />
            <Figure
              title={t('home.petitionsPending')}
              count={pPend.data}
              to="/petitions?sla=pending"
              testId="fig-petitions-pending"
            />
          </>
        ) : null}
        <Figure
          title={`${t('home.signalsBySeverity')} · ${label(SIGNAL_SEVERITY_LABELS, 'major')}`}
          count={sMajor.data}
          to="/opinion?tab=list&severity=major"
          danger
          testId="fig-signals-major"
        />
        <Figure
          title={`${t('home.signalsBySeverity')} · ${label(SIGNAL_SEVERITY_LABELS, 'notable')}`}
          count={sNotable.data}
          to="/opinion?tab=list&severity=notable"
          testId="fig-signals-notable"
        />
        <Figure
          title={`${t('home.signalsBySeverity')} · ${label(SIGNAL_SEVERITY_LABELS, 'ordinary')}`}
          count={sOrdinary.data}
          to="/opinion?tab=list&severity=ordinary"
          testId="fig-signals-ordinary"
        />
      </div>
      <div className="card-grid wide">
        <RankCard />
        {!myWork ? <AlertsCard /> : null}
      </div>
      <TrendCard petitionReader={petitionReader} />
    </Page>
  );
}
