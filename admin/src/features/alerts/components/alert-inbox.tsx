import { type Alert, alertSeverity, alertState } from '@jiandu/shared';
import { App, Button, Tag } from 'antd';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { AlertLanding, AlertText } from '../../../components/alert-text.js';
import { ExportButton } from '../../../components/ui/export-button.js';
import { EnumFilter, FilterBar } from '../../../components/ui/filters.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { fmtInstant } from '../../../lib/format.js';
import { useListFilters } from '../../../lib/url-filters.js';
import { useCan } from '../../../lib/use-can.js';
import { ALERT_FILTERS, useAlertStep, useAlerts } from '../api/alerts.js';

const SEV: Record<string, string> = { info: 'blue', warning: 'orange', critical: 'red' };
const SUBJECT_PATH: Record<string, string> = {
  rectification: 'rectifications',
  petition: 'petitions',
  case: 'cases',
  finding: 'findings',
};

export function AlertInbox() {
  const { t, label, errorText } = useI18n();
  const { message } = App.useApp();
  const { f, setF, bar, empty } = useListFilters(ALERT_FILTERS);
  const q = useAlerts(f);
  const step = useAlertStep();
  const units = useUnits();
  const can = useCan();
  const supervisor = can('alert.act');
  const act = (a: Alert, s: 'acknowledge' | 'resolve') =>
    step.mutate(
      { id: a.id, step: s, expectedVersion: a.version },
      {
        onSuccess: () => message.success(t('common.done')),
        onError: (e) =>
          message.error(e instanceof ApiError && e.isConflict ? t('error.conflict') : errorText(e)),
      },
    );
  const columns: Column<Alert>[] = [
    {
      key: 'msg',
      title: t('alerts.title'),
      width: '3fr',
      render: (a) => {
        const path = SUBJECT_PATH[a.subject.kind];
        return (
          <span>
            <Tag color={SEV[a.severity]}>{label(alertSeverity, a.severity)}</Tag>
            {path ? (
              <Link to={`/${path}/${a.subject.id}`}>
                <AlertText alert={a} />
              </Link>
            ) : (
              <AlertText alert={a} />
            )}
            <AlertLanding alert={a} />
          </span>
        );
      },
    },
    { key: 'unit', title: t('common.unit'), width: '1.2fr', render: (a) => units.name(a.unitId) },
    { key: 'state', title: t('common.state'), width: '90px', render: (a) => label(alertState, a.state) },
    {
      key: 'at',
      title: t('alerts.raisedAt'),
      width: '130px',
      secondary: true,
      render: (a) => fmtInstant(a.raisedAt),
    },
    ...(supervisor
      ? [
          {
            key: 'act',
            title: t('common.actions'),
            width: '160px',
            render: (a: Alert) => (
              <span className="row-gap" style={{ marginTop: 0 }}>
                {a.state === 'open' ? (
                  <Button size="small" onClick={() => act(a, 'acknowledge')} data-testid="alert-acknowledge">
                    {t('alerts.acknowledge')}
                  </Button>
                ) : null}
                {a.state !== 'resolved' ? (
                  <Button size="small" onClick={() => act(a, 'resolve')} data-testid="alert-resolve">
                    {t('alerts.resolve')}
                  </Button>
                ) : null}
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <Page title={t('alerts.title')} extra={<ExportButton list="alerts" query={f} />}>
      <FilterBar {...bar}>
        <EnumFilter
          e={alertState}
          placeholder={t('common.state')}
          value={f.state}
          onChange={(v) => setF({ state: v })}
          testId="filter-state"
        />
      </FilterBar>
      <ListBody
        q={q}
        {...empty}
        testId="alerts"
        label={t('alerts.title')}
        columns={columns}
        rowKey={(a) => a.id}
      />
    </Page>
  );
}
