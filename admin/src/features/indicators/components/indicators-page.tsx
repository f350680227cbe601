/**
 * 指标 · 任务完成情况: the indicators of a quarter's year in the jurisdiction, each with its annual target,
 * the quarter's cumulative plan (default target × q/4) and actual, and the completion the task score uses.
 * Supervisors and the unit's officers report the quarter's actual; a 409 shows the indicator as it is now
 * and retries the same value on it.
 */
import type { IndicatorView } from '@jiandu/shared/api';
import { Button, Card, Grid, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { Page } from '../../../components/ui/page.js';
import { ConflictNotice, ErrorAlert } from '../../../components/ui/server-errors.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { UnitPicker } from '../../../components/ui/unit-picker.js';
import { useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { currentQuarter, recentQuarters } from '../../../lib/format.js';
import { useUrlFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { INDICATOR_FILTERS, useIndicators, useReportActual, withActual } from '../api/indicators.js';
import './indicators.css';

/** The cumulative plan at the end of quarter `qi`: the plan's entry, else target × qi/4; null without a target. */
export function planOf(ind: IndicatorView, qi: number): number | null {
  if (ind.target === null) return null;
  return ind.plan?.[qi - 1] ?? (ind.target * qi) / 4;
}

/** Completion min(1, actual ÷ plan) as a percentage with one decimal; a missing actual counts as 0. */
export function completionOf(ind: IndicatorView, qi: number): string {
  const plan = planOf(ind, qi);
  if (plan === null) return '—';
  if (plan === 0) return '100.0%';
  const actual = ind.actuals[qi - 1] ?? 0;
  return `${(Math.min(1, actual / plan) * 100).toFixed(1)}%`;
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

interface Failed {
  ind: IndicatorView;
  value: number | null;
  error: unknown;
}

function ActualEditor({
  ind,
  qi,
  onSave,
  saving,
}: {
  ind: IndicatorView;
  qi: number;
  onSave: (ind: IndicatorView, value: number | null) => void;
  saving: boolean;
}) {
  const { t } = useI18n();
  const stored = ind.actuals[qi - 1] ?? null;
  const [value, setValue] = useState<number | null>(stored);
  return (
    <Space.Compact className="indicator-editor">
      <InputNumber<number>
        min={0}
        max={1e12}
        step={1}
        value={value}
        onChange={(v) => setValue(v ?? null)}
        aria-label={`${ind.name} · ${t('ind.actual')}`}
        data-testid={`indicator-actual-${ind.id}`}
        style={{ width: 120 }}
      />
      <Button
        onClick={() => onSave(ind, value)}
        disabled={value === stored}
        loading={saving}
        data-testid={`indicator-save-${ind.id}`}
      >
        {t('common.save')}
      </Button>
    </Space.Compact>
  );
}

export function IndicatorsPage() {
  const { t } = useI18n();
  const units = useUnits();
  const [f, setF, clear] = useUrlFilters(INDICATOR_FILTERS);
  const quarter = f.quarter && /^\d{4}Q[1-4]$/.test(f.quarter) ? f.quarter : currentQuarter();
  const year = Number(quarter.slice(0, 4));
  const qi = Number(quarter.slice(5));
  const q = useIndicators(year, f.unitId);
  const report = useReportActual();
  const [failed, setFailed] = useState<Failed | null>(null);
  const [savingId, setSavingId] = useState<string | null>(null);
  const can = useCan();
  const canReport = can('indicator.report');
  const save = async (ind: IndicatorView, value: number | null) => {
    setFailed(null);
    setSavingId(ind.id);
    try {
      await report.mutateAsync({
        id: ind.id,
        expectedVersion: ind.version,
        actuals: withActual(ind.actuals, qi, value),
      });
    } catch (error) {
      setFailed({ ind, value, error });
    } finally {
      setSavingId(null);
    }
  };
  const conflict = failed?.error instanceof ApiError && failed.error.isConflict ? failed.error : null;
  const filtered = !!f.unitId;
  const narrow = !Grid.useBreakpoint().md;
  const actualOf = (r: IndicatorView) =>
    canReport ? (
      <ActualEditor
        key={`${r.id}:${r.version}:${qi}`}
        ind={r}
        qi={qi}
        onSave={save}
        saving={savingId === r.id}
      />
    ) : (
      num(r.actuals[qi - 1])
    );
  const completion = (r: IndicatorView) => (
    <span data-testid={`indicator-completion-${r.id}`}>{completionOf(r, qi)}</span>
  );
  return (
    <Page title={t('ind.title')}>
      <search className="filters" aria-label={t('common.filters')}>
        <Select
          value={quarter}
          onChange={(v) => setF({ quarter: v })}
          options={recentQuarters(8).map((x) => ({ value: x, label: x }))}
          aria-label={t('common.quarter')}
          data-testid="indicator-quarter"
        />
        <UnitPicker value={f.unitId ?? null} onChange={(v) => setF({ unitId: v })} testId="filter-unit" />
        {filtered ? <Button onClick={clear}>{t('common.clearFilters')}</Button> : null}
      </search>
      <p className="muted">{t('ind.hint', { quarter })}</p>
      {conflict && failed ? (
        <div className="banner">
          <ConflictNotice
            error={conflict}
            renderCurrent={(cur) => {
              const c = cur as IndicatorView;
              return (
                <span data-testid="indicator-current">
                  {c.name} · {t('ind.actual')} {quarter}: {num(c.actuals[qi - 1])} · {t('common.version')}{' '}
                  {c.version}
                </span>
              );
            }}
            onRetry={() => {
              const cur = conflict.current as IndicatorView | undefined;
              if (cur) void save(cur, failed.value);
            }}
            onDiscard={() => {
              setFailed(null);
              void q.refetch();
            }}
          />
        </div>
      ) : failed ? (
        <div className="banner">
          <ErrorAlert error={failed.error} onClose={() => setFailed(null)} />
        </div>
      ) : null}
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.items.length === 0 ? (
        <EmptyState
          filtered={filtered}
          onClear={clear}
          hint={filtered ? undefined : t('ind.empty', { year })}
        />
      ) : (
        <>
          {narrow ? (
            <div className="indicator-cards" data-testid="indicators">
              {q.items.map((r) => (
                <Card
                  key={r.id}
                  size="small"
                  title={r.name}
                  extra={units.name(r.unitId)}
                  data-testid="indicator-row"
                  data-id={r.id}
                  className="banner"
                >
                  <dl className="indicator-facts">
                    <dt>{t('ind.target')}</dt>
                    <dd>
                      {num(r.target)} {r.measure ?? ''}
                    </dd>
                    <dt>
                      {t('ind.plan')} {quarter}
                    </dt>
                    <dd>{num(planOf(r, qi))}</dd>
                    <dt>{t('ind.completion')}</dt>
                    <dd>{completion(r)}</dd>
                    <dt>
                      {t('ind.actual')} {quarter}
                    </dt>
                    <dd>{actualOf(r)}</dd>
                  </dl>
                </Card>
              ))}
            </div>
          ) : (
            <Table<IndicatorView>
              data-testid="indicators"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={q.items}
              scroll={{ x: true }}
              onRow={(r) => ({ 'data-testid': 'indicator-row', 'data-id': r.id }) as never}
              columns={[
                { key: 'unit', title: t('common.unit'), render: (_, r) => units.name(r.unitId) },
                { key: 'name', title: t('ind.name'), dataIndex: 'name' },
                { key: 'measure', title: t('ind.measure'), render: (_, r) => r.measure ?? '—' },
                { key: 'target', title: t('ind.target'), render: (_, r) => num(r.target) },
                { key: 'plan', title: `${t('ind.plan')} ${quarter}`, render: (_, r) => num(planOf(r, qi)) },
                { key: 'actual', title: `${t('ind.actual')} ${quarter}`, render: (_, r) => actualOf(r) },
                { key: 'completion', title: t('ind.completion'), render: (_, r) => completion(r) },
              ]}
            />
          )}
          {q.hasNextPage ? (
            <Button
              style={{ marginTop: 8 }}
              loading={q.isFetchingNextPage}
              onClick={() => void q.fetchNextPage()}
              data-testid="load-more"
            >
              {t('ind.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </Page>
  );
}
