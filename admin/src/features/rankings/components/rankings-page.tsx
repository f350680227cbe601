/**
 * 季度排名: pick a quarter and a peer group; the draft (computed now) or the published snapshot; the five
 * dimension scores, each row expandable to every input count; cards marked; publish (supervisor, with
 * confirmation) and amend (with a reason); a unit officer sees their unit among its neighbours.
 */
import type { Ranking, RankingRow } from '@jiandu/shared';
import { Alert, App, Button, Card, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCurrentScheme } from '../../../api/scheme.js';
import { useUnits } from '../../../api/units.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { Page } from '../../../components/ui/page.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { currentQuarter, fmtInstant, points, recentQuarters } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { useUser } from '../../../lib/use-session.js';
import { useNotices, useStartNotice } from '../api/notices.js';
import { useAmend, useDraft, usePublish, useSnapshot, useSnapshots } from '../api/rankings.js';
import { ScoreBreakdownView } from './score-breakdown.js';

export function RankingTable({
  ranking,
  myUnits,
  published,
}: {
  ranking: Ranking;
  myUnits: Set<string>;
  /** A draft marks who would be carded; only a published snapshot has issued the cards. */
  published: boolean;
}) {
  const { t } = useI18n();
  const units = useUnits();
  const dim = (key: 'task' | 'rectification' | 'findings' | 'petitions' | 'opinion') => ({
    key,
    title: t(`rank.${key}`),
    render: (_: unknown, r: RankingRow) => points(r.score[key].points),
    responsive: ['md' as const],
  });
  return (
    <Table<RankingRow>
      data-testid="ranking-table"
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={ranking.rows}
      rowClassName={(r) => `${myUnits.has(r.unitId) ? 'mine' : ''} ${r.carded ? 'carded' : ''}`}
      onRow={(r) =>
        ({ 'data-testid': 'ranking-row', 'data-unit': r.unitId, 'data-carded': r.carded }) as never
      }
      expandable={{ expandedRowRender: (r) => <ScoreBreakdownView s={r.score} /> }}
      scroll={{ x: true }}
      columns={[
        { key: 'rank', title: t('rank.rank'), dataIndex: 'rank', width: 60 },
        {
          key: 'unit',
          title: t('common.unit'),
          render: (_, r) => (
            <span className="text-links">
              <Link to={`/rankings/units/${r.unitId}`}>{units.name(r.unitId)}</Link>{' '}
              {myUnits.has(r.unitId) ? <Tag color="blue">{t('rank.myUnit')}</Tag> : null}
              {r.carded ? (
                published ? (
                  <Tag color="gold" data-testid="card-mark">
                    {t('rank.card')}
                  </Tag>
                ) : (
                  <Tag color="default" data-testid="card-draft-mark">
                    {t('rank.cardIfPublished')}
                  </Tag>
                )
              ) : null}
            </span>
          ),
        },
        { key: 'total', title: t('rank.total'), render: (_, r) => <strong>{points(r.score.total)}</strong> },
        dim('task'),
        dim('rectification'),
        dim('findings'),
        dim('petitions'),
        dim('opinion'),
      ]}
    />
  );
}

export function Neighbours({
  ranking,
  unitId,
  published,
}: {
  ranking: Ranking;
  unitId: string;
  published: boolean;
}) {
  const { t } = useI18n();
  const units = useUnits();
  const i = ranking.rows.findIndex((r) => r.unitId === unitId);
  if (i < 0) return null;
  const rows = ranking.rows.slice(Math.max(0, i - 2), i + 3);
  const me = ranking.rows[i] as RankingRow;
  return (
    <Card size="small" title={t('rank.neighbours')} className="banner" data-testid="my-rank">
      <p>
        <strong>{units.name(unitId)}</strong> ·{' '}
        {t('home.rankOf', { rank: me.rank, size: ranking.rows.length })} · {t('rank.total')}{' '}
        {points(me.score.total)}
      </p>
      <ol className="neighbours">
        {rows.map((r) => (
          <li key={r.unitId} className={r.unitId === unitId ? 'mine' : undefined} data-testid="neighbour">
            {r.rank}. {units.name(r.unitId)} — {points(r.score.total)}{' '}
            {r.carded ? `（${t(published ? 'rank.card' : 'rank.cardIfPublished')}）` : ''}
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function RankingsPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const user = useUser();
  const can = useCan();
  const units = useUnits();
  const scheme = useCurrentScheme();
  const [f, setF] = useUrlFilters(['quarter', 'group', 'mode'] as const);
  const quarter = f.quarter ?? currentQuarter();
  const mode = f.mode === 'published' ? 'published' : 'draft';
  const draft = useDraft(quarter);
  const groups = draft.data?.groups ?? [];
  const myUnits = useMemo(() => {
    const s = new Set([user.unitId]);
    const parent = units.byId?.get(user.unitId)?.parentId;
    if (parent) s.add(parent);
    return s;
  }, [user.unitId, units.byId]);
  const mineGroup = groups.find((g) => g.ranking.rows.some((r) => myUnits.has(r.unitId)));
  const groupKey = f.group ?? mineGroup?.groupKey ?? groups[0]?.groupKey;
  // Read in both modes: a draft of a quarter already published offers no 发布, only the published one.
  const snapshots = useSnapshots(quarter, groupKey, !!groupKey);
  const effective = snapshots.data?.items.find((s) => s.effective);
  const snapshot = useSnapshot(mode === 'published' ? effective?.id : undefined);
  const publish = usePublish();
  const amend = useAmend();
  const navigate = useNavigate();
  // 公示: the group's notice of the quarter, if it was put on notice; the scheme's notice period, if any.
  const notices = useNotices(quarter, groupKey, !!groupKey);
  const notice = notices.data?.items[0];
  const startNotice = useStartNotice();
  const noticeDays = scheme.data?.publishing.noticePeriod?.workingDays;
  const [amending, setAmending] = useState(false);
  const supervisor = can('ranking.publish');
  // A quarter is published once it has ended (the API refuses earlier): no button that can only fail.
  const ended = quarter < currentQuarter();
  const groupLabel = (key: string) => {
    const g = groups.find((x) => x.groupKey === key)?.ranking.group;
    if (!g) return key;
    const rule = scheme.data?.peerGroups.find((p) => p.id === g.ruleId);
    const ruleLabel = rule ? (lang === 'en' ? (rule.labelEn ?? rule.label) : rule.label) : g.ruleId;
    return `${units.name(g.parentUnitId)} · ${ruleLabel}`;
  };
  /** A snapshot as people tell them apart: when it was published and the start of its content hash. */
  const snapshotLabel = (id: string) => {
    const s = snapshots.data?.items.find((x) => x.id === id);
    return s ? `${fmtInstant(s.publishedAt)} · ${s.contentHash.slice(0, 12)}` : id;
  };
  const ranking =
    mode === 'draft' ? groups.find((g) => g.groupKey === groupKey)?.ranking : snapshot.data?.ranking;
  const myRow = ranking?.rows.find((r) => myUnits.has(r.unitId));
  const doPublish = () =>
    groupKey &&
    modal.confirm({
      title: t('rank.publish'),
      content: t('rank.publishConfirm', { quarter, group: groupLabel(groupKey) }),
      okText: t('rank.publish'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'publish-confirm' } as never,
      // The dialog closes whether or not the step succeeds: a failure is shown on the page (ErrorAlert, in
      // the user's language), and a quarter someone else published meanwhile is shown as published.
      onOk: () =>
        publish.mutateAsync({ quarter, groupKey }).then(
          (r) => {
            message.success(
              t('rank.publishedOk', { cards: r.cards.length, cases: r.proposedCaseIds.length }),
            );
            // A quarter that ended before go-live is history: its cards are withheld (DESIGN §4.7).
            if (r.withheldCardUnitIds.length > 0)
              message.info(t('rank.cardsWithheld', { n: r.withheldCardUnitIds.length }));
            setF({ mode: 'published' });
          },
          (e: unknown) => {
            if (e instanceof ApiError && e.code === 'ranking.alreadyPublished') void snapshots.refetch();
          },
        ),
    });
  const doNotice = () =>
    groupKey &&
    noticeDays &&
    modal.confirm({
      title: t('notice.start'),
      content: t('notice.startConfirm', { quarter, group: groupLabel(groupKey), n: noticeDays }),
      okText: t('notice.start'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'notice-confirm' } as never,
      onOk: () =>
        startNotice.mutateAsync({ quarter, groupKey }).then((v) => {
          message.success(t('notice.started', { date: v.notice.endsOn }));
          void navigate(`/rankings/notices/${v.notice.id}`);
        }),
    });
  return (
    <Page
      title={t('rank.title')}
      extra={
        <>
          <Link to="/rankings/cards" data-testid="cards-link">
            <Button>{t('cards.link')}</Button>
          </Link>
          {mode === 'published' && effective ? (
            <ExportButton list="ranking-snapshot" query={{ id: effective.id }} />
          ) : null}
          {supervisor && groupKey ? (
            mode === 'draft' ? (
              effective ? (
                <Button onClick={() => setF({ mode: 'published' })} data-testid="show-published">
                  {t('rank.alreadyPublished')}
                </Button>
              ) : ended ? (
                <>
                  {noticeDays && !notice && notices.isSuccess ? (
                    <Button onClick={doNotice} data-testid="start-notice">
                      {t('notice.start')}
                    </Button>
                  ) : null}
                  {notice?.state !== 'published' ? (
                    <Button type="primary" onClick={doPublish} data-testid="publish">
                      {t('rank.publish')}
                    </Button>
                  ) : null}
                </>
              ) : (
                <span className="muted" data-testid="publish-not-yet">
                  {t('rank.notEnded')}
                </span>
              )
            ) : effective ? (
              <Button onClick={() => setAmending(true)} data-testid="amend">
                {t('rank.amend')}
              </Button>
            ) : null
          ) : null}
        </>
      }
    >
      <search className="filters" aria-label={t('common.filters')}>
        <Select
          value={quarter}
          onChange={(v) => setF({ quarter: v })}
          options={recentQuarters(8).map((q) => ({ value: q, label: q }))}
          aria-label={t('common.quarter')}
          data-testid="quarter-select"
        />
        <Select
          value={groupKey}
          onChange={(v) => setF({ group: v })}
          options={groups.map((g) => ({ value: g.groupKey, label: groupLabel(g.groupKey) }))}
          placeholder={t('rank.pickGroup')}
          aria-label={t('rank.group')}
          style={{ minWidth: 220 }}
          data-testid="group-select"
          loading={draft.isLoading}
        />
        <Segmented
          value={mode}
          onChange={(v) => setF({ mode: String(v) })}
          options={[
            { value: 'draft', label: t('rank.draft') },
            { value: 'published', label: t('rank.published') },
          ]}
          data-testid="mode-switch"
        />
      </search>
      {publish.error ? <ErrorAlert error={publish.error} onClose={() => publish.reset()} /> : null}
      {startNotice.error ? (
        <ErrorAlert error={startNotice.error} onClose={() => startNotice.reset()} />
      ) : null}
      {notice && notice.state === 'on_notice' ? (
        <Card size="small" className="banner" data-testid="notice-banner">
          <Tag color="blue">{t('notice.onNotice')}</Tag>{' '}
          {t('notice.banner', { quarter, date: notice.endsOn, n: notice.pending })}{' '}
          <Link to={`/rankings/notices/${notice.id}`} data-testid="notice-link">
            {t('notice.view')}
          </Link>
        </Card>
      ) : null}
      {draft.isLoading ? (
        <Loading />
      ) : draft.error ? (
        <ErrorState error={draft.error} onRetry={() => draft.refetch()} />
      ) : !groups.length ? (
        <EmptyState />
      ) : mode === 'published' && snapshots.isSuccess && !effective ? (
        <EmptyState hint={t('rank.noPublished')} />
      ) : mode === 'published' && (snapshots.isLoading || snapshot.isLoading) ? (
        <Loading />
      ) : ranking ? (
        <>
          {mode === 'published' && snapshot.data ? (
            <Card size="small" className="banner" data-testid="snapshot-info">
              <div>
                <Tag color="green">{t('rank.published')}</Tag>{' '}
                {t('rank.publishedAt', { at: fmtInstant(snapshot.data.publishedAt) })}
              </div>
              <div>
                {t('rank.contentHash')}:{' '}
                <Typography.Text code copyable>
                  {snapshot.data.contentHash}
                </Typography.Text>
              </div>
              {snapshot.data.supersedes ? (
                <div>
                  {t('rank.supersedes', {
                    id: snapshotLabel(snapshot.data.supersedes),
                    reason: snapshot.data.reason ?? '',
                  })}
                </div>
              ) : null}
              {snapshots.data?.items
                .filter((s) => !s.effective)
                .map((s) => (
                  <div key={s.id} className="muted small">
                    <Tag>{t('rank.superseded')}</Tag> {snapshotLabel(s.id)}
                  </div>
                ))}
            </Card>
          ) : (
            <>
              <p className="muted">
                <Tag>{t('rank.draft')}</Tag> {t('rank.groupSize', { n: ranking.rows.length })}
              </p>
              <UnreportedActuals ranking={ranking} />
            </>
          )}
          {ranking.noCardReason ? <p className="muted">{t(`rank.noCard.${ranking.noCardReason}`)}</p> : null}
          {myRow && can('ranking.ownUnit') ? (
            <Neighbours ranking={ranking} unitId={myRow.unitId} published={mode === 'published'} />
          ) : null}
          <RankingTable ranking={ranking} myUnits={myUnits} published={mode === 'published'} />
        </>
      ) : (
        <EmptyState hint={t('rank.pickGroup')} />
      )}
      <ReasonModal
        open={amending}
        title={t('rank.amendTitle')}
        testId="amend-modal"
        onCancel={() => setAmending(false)}
        onSubmit={async (v) => {
          if (!effective) return;
          await amend.mutateAsync({ snapshotId: effective.id, reason: v.reason });
          setAmending(false);
        }}
      />
    </Page>
  );
}

/**
 * A draft (often of the running quarter) scores an indicator without a reported cumulative actual as 0
 * (DESIGN §4.1, the choice written at shared/src/scoring/task.ts): say so above the table, so a 0/40 on
 * tasks reads as "not reported yet", not as "did nothing".
 */
function UnreportedActuals({ ranking }: { ranking: Ranking }) {
  const { t } = useI18n();
  const rows = ranking.rows.filter((r) => r.score.task.indicators.some((i) => i.reported === false));
  if (rows.length === 0) return null;
  const n = rows.reduce(
    (acc, r) => acc + r.score.task.indicators.filter((i) => i.reported === false).length,
    0,
  );
  return (
    <Alert
      type="info"
      showIcon
      data-testid="unreported-actuals"
      message={t('rank.unreportedActuals', { units: rows.length, n })}
    />
  );
}
