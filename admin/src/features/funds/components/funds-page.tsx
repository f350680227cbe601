/**
 * 资金 · 项目资金台账 (DESIGN §4.6, seed 001 资金趴账): a unit's projects with their balances, the money
 * held past planned completion above the scheme's threshold marked 趴账, a row per sub-unit (click to go
 * down a level) and the subtree's totals. Money is shown in 万元, computed from integer fen.
 */

import { fenToWan } from '@jiandu/shared';
import type { FundProjectLineView, FundsTotals } from '@jiandu/shared/api';
import { Button, Table, Tag } from 'antd';
import { useUnits } from '../../../api/units.js';
import { Page } from '../../../components/ui/page.js';
import { Panel } from '../../../components/ui/panel.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useUser } from '../../../lib/use-session.js';
import { useFundProject, useFunds } from '../api/funds.js';
import './funds.css';

const wan = (fen: number) => fenToWan(fen);

function Ledger({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useFundProject(id);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data.ledger.length) return <p className="muted">{t('funds.noEntries')}</p>;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={q.data.ledger}
      data-testid={`fund-ledger-${id}`}
      columns={[
        { title: t('funds.entryDate'), dataIndex: 'date' },
        {
          title: t('funds.entryKind'),
          dataIndex: 'kind',
          render: (k: string) => (k === 'allocation' ? t('funds.allocation') : t('funds.disbursement')),
        },
        { title: t('funds.amountWan'), dataIndex: 'amountFen', align: 'right', render: wan },
        { title: t('funds.note'), dataIndex: 'note' },
      ]}
    />
  );
}

export function FundsPage() {
  const { t } = useI18n();
  const user = useUser();
  const units = useUnits();
  const [f, setF] = useUrlFilters(['unitId'] as const);
  const unitId = f.unitId ?? user.unitId;
  const q = useFunds(unitId);
  const parent = units.byId?.get(unitId)?.parentId ?? null;
  const canGoUp = parent !== null && unitId !== user.unitId;
  const totalsCols = [
    { title: t('funds.projects'), dataIndex: ['totals', 'projects'], align: 'right' as const },
    {
      title: t('funds.allocated'),
      dataIndex: ['totals', 'allocatedFen'],
      align: 'right' as const,
      render: wan,
    },
    {
      title: t('funds.disbursed'),
      dataIndex: ['totals', 'disbursedFen'],
      align: 'right' as const,
      render: wan,
    },
    { title: t('funds.unspent'), dataIndex: ['totals', 'unspentFen'], align: 'right' as const, render: wan },
    {
      title: t('funds.idleMoney'),
      dataIndex: ['totals'],
      align: 'right' as const,
      render: (x: FundsTotals) =>
        x.idleProjects ? (
          <Tag color="red">{t('funds.idleCount', { n: x.idleProjects, money: wan(x.idleFen) })}</Tag>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Page
      title={t('funds.title')}
      extra={
        canGoUp ? (
          <Button onClick={() => setF({ unitId: parent })} data-testid="funds-up">
            {t('funds.up')}
          </Button>
        ) : null
      }
    >
      <search className="filters" aria-label={t('common.filters')}>
        <UnitPicker
          value={unitId}
          onChange={(v) => setF({ unitId: v })}
          allowClear={false}
          testId="funds-unit"
          aria-label={t('common.unit')}
        />
      </search>
      {q.isLoading ? (
        <Loading />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <p data-testid="funds-summary">
            {t('funds.summary', {
              unit: q.data.unitName,
              n: q.data.totals.projects,
              allocated: wan(q.data.totals.allocatedFen),
              disbursed: wan(q.data.totals.disbursedFen),
              unspent: wan(q.data.totals.unspentFen),
            })}{' '}
            {q.data.totals.idleProjects ? (
              <Tag color="red" data-testid="funds-idle-total">
                {t('funds.idleCount', { n: q.data.totals.idleProjects, money: wan(q.data.totals.idleFen) })}
              </Tag>
            ) : null}
          </p>
          <p className="muted">
            {t('funds.rule', { threshold: wan(q.data.thresholdFen), asOf: q.data.asOf })}
          </p>
          {q.data.rows.length ? (
            <Panel title={t('funds.byUnit')} testId="funds-rows">
              <Table
                size="small"
                rowKey="unitId"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={q.data.rows}
                rowClassName={(r) => (r.totals.idleProjects ? 'funds-idle-row' : '')}
                columns={[
                  {
                    title: t('common.unit'),
                    dataIndex: 'unitId',
                    render: (id: string, r) =>
                      r.own ? (
                        t('funds.ownProjects', { unit: units.name(id) })
                      ) : (
                        <Button type="link" size="small" onClick={() => setF({ unitId: id })}>
                          {units.name(id)}
                        </Button>
                      ),
                  },
                  ...totalsCols,
                ]}
              />
            </Panel>
          ) : null}
          <Panel title={t('funds.projectList')} testId="funds-projects">
            {q.data.projects.length ? (
              <Table<FundProjectLineView>
                size="small"
                rowKey="id"
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                dataSource={q.data.projects}
                expandable={{ expandedRowRender: (p) => <Ledger id={p.id} /> }}
                columns={[
                  { title: t('funds.project'), dataIndex: 'name', className: 'nowrap' },
                  {
                    title: t('common.unit'),
                    dataIndex: 'unitId',
                    className: 'nowrap',
                    render: (id: string) => units.name(id),
                  },
                  {
                    title: t('funds.plannedCompletion'),
                    dataIndex: 'plannedCompletion',
                    className: 'nowrap',
                  },
                  { title: t('funds.allocated'), dataIndex: 'allocatedFen', align: 'right', render: wan },
                  { title: t('funds.disbursed'), dataIndex: 'disbursedFen', align: 'right', render: wan },
                  { title: t('funds.unspent'), dataIndex: 'unspentFen', align: 'right', render: wan },
                  {
                    title: t('common.state'),
                    dataIndex: 'idle',
                    render: (idle: boolean, p) =>
                      idle ? (
                        <Tag color="red" data-testid={`fund-idle-${p.id}`}>
                          {t('funds.idle')}
                        </Tag>
                      ) : p.unspentFen === 0 ? (
                        <Tag color="green">{t('funds.spent')}</Tag>
                      ) : (
                        <Tag>{t('funds.inProgress')}</Tag>
                      ),
                  },
                ]}
              />
            ) : (
              <EmptyState hint={t('funds.none')} />
            )}
          </Panel>
        </>
      )}
    </Page>
  );
}
