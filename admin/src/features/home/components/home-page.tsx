/**
 * A home per role, from ONE request (GET /api/v1/home): my queues (to act on, to review at either step,
 * extension requests, objections, alerts), the jurisdiction's figures, who is behind and the direct
 * subordinate units compared beside the trend. Skeletons hold each box's place while it loads.
 */
import type { HomeCount, HomeResponse, RectificationRow } from '@jiandu/shared/api';
import { ALERT_SEVERITY_LABELS, LIGHT_LABELS, SIGNAL_SEVERITY_LABELS } from '@jiandu/shared/labels';
import { Skeleton, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentScheme } from '../../../api/scheme.js';
import { useUnits } from '../../../api/units.js';
import { AlertText } from '../../../components/alert-text.js';
import { LIGHT_CODES, LightTag } from '../../../components/ui/light-tag.js';
import { Page } from '../../../components/ui/page.js';
import { Panel } from '../../../components/ui/panel.js';
import { ErrorState } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant, points } from '../../../lib/format.js';
import { useCan } from '../../../lib/use-can.js';
import { useUser } from '../../../lib/use-session.js';
import { useHome } from '../api/home.js';
import { Subordinates, TrendCard } from './home-charts.js';

/** A box's place while the one request is on its way (not "加载中…" text). */
export const BoxSkeleton = ({ rows = 3 }: { rows?: number }) => (
  <Skeleton active title={false} paragraph={{ rows }} data-testid="home-skeleton" />
);

function SimpleList<T>({ items, empty, render }: { items: T[]; empty: string; render: (x: T) => ReactNode }) {
  return (
    <ul className="simple-list">{items.length ? items.map(render) : <li className="muted">{empty}</li>}</ul>
  );
}

/** A unit's name: from the answer (names of every unit it names), else the directory. */
function useUnitName(data: HomeResponse | undefined) {
  const units = useUnits();
  return (id: string) => data?.unitNames[id] ?? units.name(id);
}

function Figure({
  title,
  count,
  to,
  danger,
  testId,
}: {
  title: string;
  count: HomeCount | undefined;
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
          {count ? (
            count.more ? (
              t('home.atLeast', { n: count.n })
            ) : (
              count.n
            )
          ) : (
            <Skeleton.Button active size="small" />
          )}
        </span>
      </span>
    </Link>
  );
}

function Queue<T>({
  title,
  to,
  testId,
  loading,
  items,
  render,
}: {
  title: string;
  to: string;
  testId: string;
  loading: boolean;
  items: T[] | undefined;
  render: (x: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Panel title={title} extra={<Link to={to}>{t('home.seeAll')}</Link>} testId={testId}>
      {loading ? (
        <BoxSkeleton />
      ) : (
        <SimpleList items={items ?? []} empty={t('home.nothing')} render={render} />
      )}
    </Panel>
  );
}

function RectLine({ r, unit, tag }: { r: RectificationRow; unit: string; tag?: ReactNode }) {
  const { t } = useI18n();
  return (
    <li key={r.id}>
      <Link to={`/rectifications/${r.id}`}>{r.title}</Link>
      <span className="muted small">
        {' '}
        {tag} · {unit} · {r.deadline} <LightTag light={r.light} />
        {r.daysOverdue > 0 ? <Tag color="red">{t('rect.overdue', { n: r.daysOverdue })}</Tag> : null}
      </span>
    </li>
  );
}

function MyWork({ data, loading }: { data: HomeResponse | undefined; loading: boolean }) {
  const { t, label } = useI18n();
  const can = useCan();
  const name = useUnitName(data);
  return (
    <div className="card-grid">
      {can('rectification.work') ? (
        <Queue
          title={t('home.toAct')}
          to="/rectifications?state=open"
          testId="home-to-act"
          loading={loading}
          items={data?.toAct?.items}
          render={(r) => <RectLine key={r.id} r={r} unit={name(r.unitId)} />}
        />
      ) : null}
      {can('rectification.review') ? (
        <Queue
          title={t('home.toReview')}
          to="/rectifications?review=mine"
          testId="home-to-review"
          loading={loading}
          items={data?.review?.items}
          render={(r) => (
            <RectLine
              key={r.id}
              r={r}
              unit={name(r.unitId)}
              tag={
                <Tag color={r.step === 'first' ? 'blue' : 'purple'} data-testid={`review-step-${r.step}`}>
                  {t(`home.step.${r.step}`)}
                </Tag>
              }
            />
          )}
        />
      ) : null}
      {can('rectification.decideExtension') ? (
        <Queue
          title={t('home.extensions')}
          to="/rectifications/extensions"
          testId="home-extensions"
          loading={loading}
          items={data?.extensions?.items}
          render={({ rectification: r, request }) => (
            <li key={request.id}>
              <Link to={`/rectifications/${r.id}`}>{r.title}</Link>
              <span className="muted small">
                {' '}
                · {name(r.unitId)} ·{' '}
                {t('home.extensionTo', { from: r.deadline, to: request.requestedDeadline })}
              </span>
            </li>
          )}
        />
      ) : null}
      {can('ranking.decideObjection') ? (
        <Queue
          title={t('home.objections')}
          to="/objections"
          testId="home-objections"
          loading={loading}
          items={data?.objections?.items}
          render={(o) => (
            <li key={o.id}>
              <Link to="/objections">{`${name(o.unitId)} · ${o.quarter}`}</Link>
              <span className="muted small"> · {o.reason}</span>
            </li>
          )}
        />
      ) : null}
      {can('alert.read') ? (
        <Queue
          title={t('home.alerts')}
          to="/alerts?state=open"
          testId="home-alerts"
          loading={loading}
          items={data?.alerts?.items}
          render={(a) => (
            <li key={a.id}>
              <span>
                <Tag>{label(ALERT_SEVERITY_LABELS, a.severity)}</Tag> <AlertText alert={a} />
              </span>
              <span className="muted small"> · {fmtInstant(a.raisedAt)}</span>
            </li>
          )}
        />
      ) : null}
    </div>
  );
}

function Figures({ data }: { data: HomeResponse | undefined }) {
  const { t, label } = useI18n();
  const can = useCan();
  const open = data?.open;
  return (
    <div className="figures">
      <Figure
        title={t('home.openRect')}
        count={open?.count}
        to="/rectifications?state=open"
        testId="fig-open"
      />
      <Figure
        title={t('home.overdueRect')}
        count={open ? { n: open.overdue, more: open.count.more } : undefined}
        to="/rectifications?state=open&overdue=true"
        danger
        testId="fig-overdue"
      />
      {LIGHT_CODES.map((l) => (
        <Figure
          key={l}
          title={t('home.lightRect', { light: label(LIGHT_LABELS, l) })}
          count={open ? { n: open.lights[l], more: open.count.more } : undefined}
          to={`/rectifications?state=open&light=${l}`}
          danger={l === 'red'}
          testId={`fig-light-${l}`}
        />
      ))}
      {can('petition.read') ? (
        <>
          <Figure
            title={t('home.petitionsOverdue')}
            count={data?.petitions?.overdue}
            to="/petitions?sla=overdue"
            danger
            testId="fig-petitions-overdue"
          />
          <Figure
            title={t('home.petitionsPending')}
            count={data?.petitions?.pending}
            to="/petitions?sla=pending"
            testId="fig-petitions-pending"
          />
        </>
      ) : null}
      {can('signal.triage.read') ? (
        <Figure title={t('home.triage')} count={data?.triage} to="/opinion" testId="fig-triage" />
      ) : null}
      {(['major', 'notable', 'ordinary'] as const).map((s) => (
        <Figure
          key={s}
          title={`${t('home.signalsBySeverity')} · ${label(SIGNAL_SEVERITY_LABELS, s)}`}
          count={data?.signals?.[s]}
          to={`/opinion?tab=list&severity=${s}`}
          danger={s === 'major'}
          testId={`fig-signals-${s}`}
        />
      ))}
    </div>
  );
}

/** 谁落后了: each visible group's last units, or why none (本组全部并列，不发预黄牌), as the ranking page says. */
function BehindCard({ data, loading }: { data: HomeResponse | undefined; loading: boolean }) {
  const { t, lang } = useI18n();
  const scheme = useCurrentScheme();
  const name = useUnitName(data);
  const ruleLabel = (ruleId: string) => {
    const r = scheme.data?.peerGroups.find((p) => p.id === ruleId);
    return r ? (lang === 'en' ? (r.labelEn ?? r.label) : r.label) : ruleId;
  };
  const own = data?.rank;
  return (
    <Panel
      title={`${t('home.rankPosition')} · ${data?.quarter ?? ''}`}
      extra={<Link to="/rankings">{t('home.seeAll')}</Link>}
      testId="home-rank"
    >
      {loading ? (
        <BoxSkeleton />
      ) : own ? (
        <p>
          <strong>{name(own.unitId)}</strong> · {t('home.rankOf', { rank: own.rank, size: own.size })} ·{' '}
          {t('rank.total')} {points(own.total)}
        </p>
      ) : data?.behind?.groups.length ? (
        <SimpleList
          items={data.behind.groups}
          empty=""
          render={(g) => (
            <li key={g.groupKey} data-testid="behind-group">
              <Link to={`/rankings?group=${encodeURIComponent(g.groupKey)}`}>
                {`${name(g.parentUnitId)} · ${ruleLabel(g.ruleId)}`}
              </Link>
              <span className="muted small">
                {' '}
                {g.noCardReason
                  ? t(`rank.noCard.${g.noCardReason}`)
                  : t('home.lastRanked', { units: g.last.map((l) => name(l.unitId)).join('、') })}
              </span>
            </li>
          )}
        />
      ) : (
        <p className="muted">{t('home.noGroup')}</p>
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
  const { t } = useI18n();
  const user = useUser();
  const can = useCan();
  const reader = can('home.read');
  const q = useHome(reader);
  // The security and audit administrators read no programme records (三员分立): their home is their menu.
  if (!reader) return <AdministratorHome />;
  return (
    <Page title={t('home.welcome', { name: user.name })}>
      {q.error ? <ErrorState error={q.error} onRetry={() => q.refetch()} /> : null}
      <h2 className="section-title">{t('home.myWork')}</h2>
      <MyWork data={q.data} loading={q.isLoading} />
      <h2 className="section-title">{t('home.jurisdiction')}</h2>
      <Figures data={q.data} />
      <div className="card-grid wide">
        <BehindCard data={q.data} loading={q.isLoading} />
        <Subordinates data={q.data} loading={q.isLoading} />
      </div>
      <TrendCard petitionReader={can('petition.read')} />
    </Page>
  );
}
