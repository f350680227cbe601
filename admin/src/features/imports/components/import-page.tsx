import type { LedgerImportReport, LedgerReportRow } from '@jiandu/shared/api';
import { Alert, App, Button, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { downloadFile } from '../../../components/ui/export-button.js';
import { Page } from '../../../components/ui/page.js';
import { useI18n } from '../../../i18n/index.js';
import { useCan } from '../../../lib/use-can.js';
import { useImportLedger } from '../api/import-ledger.js';
import { DryRunImport } from './dry-run-import.js';
import { HistoryImportSection } from './history-import-section.js';
import { LedgerUpdateSection } from './ledger-update-section.js';
import { OrgImportSection } from './org-import-section.js';

const STATUS_COLOR: Record<LedgerReportRow['status'], string> = {
  valid: 'blue',
  problem: 'red',
  created: 'green',
  duplicate: 'default',
  conflict: 'orange',
};

function Report({ report }: { report: LedgerImportReport }) {
  const { t, errorText } = useI18n();
  const units = useUnits();
  const { message } = App.useApp();
  const [onlyProblems, setOnlyProblems] = useState(true);
  const rows = onlyProblems ? report.rows.filter((r) => r.status === 'problem') : report.rows;
  const c = report.counts;
  return (
    <section className="import-report" data-testid="import-report">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
        <Descriptions.Item label={t('imports.file')}>{report.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('imports.format')}>
          {report.format} · {report.encoding} · {t('imports.headerRow', { n: report.headerRow })}
        </Descriptions.Item>
        <Descriptions.Item label={t('imports.rows')}>{c.rows}</Descriptions.Item>
        <Descriptions.Item label={t('imports.valid')}>{c.valid}</Descriptions.Item>
        <Descriptions.Item label={t('imports.closed')}>
          <span data-testid="import-closed">{c.closed}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('imports.problems')}>
          <span data-testid="import-problems">{c.problems}</span>
        </Descriptions.Item>
        {report.dryRun ? null : (
          <Descriptions.Item label={t('imports.result')}>
            <span data-testid="import-result">
              {t('imports.resultText', { created: c.created, duplicate: c.duplicate })}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {c.pastDeadline > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="import-past-deadline"
          title={t('imports.pastDeadline', { n: c.pastDeadline })}
        />
      ) : null}
      {report.ignoredColumns.length ? (
        <p className="muted">{t('imports.ignored', { columns: report.ignoredColumns.join('、') })}</p>
      ) : null}
      <Space wrap style={{ margin: '12px 0' }}>
        {c.problems > 0 ? (
          <Button
            data-testid="import-annotated"
            onClick={() =>
              downloadFile(report.annotated, `${report.fileName}-问题说明.xlsx`).catch((e: unknown) =>
                message.error(errorText(e)),
              )
            }
          >
            {t('imports.downloadAnnotated')}
          </Button>
        ) : null}
        <Button onClick={() => setOnlyProblems(!onlyProblems)} data-testid="import-toggle-rows">
          {onlyProblems ? t('imports.showAll') : t('imports.showProblems')}
        </Button>
      </Space>
      <Table<LedgerReportRow>
        size="small"
        rowKey="line"
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { key: 'line', title: t('imports.line'), dataIndex: 'line', width: 80 },
          {
            key: 'status',
            title: t('common.state'),
            width: 110,
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`imports.status.${r.status}`)}</Tag>,
          },
          { key: 'unit', title: t('common.unit'), render: (_, r) => units.name(r.unitId) },
          {
            key: 'closure',
            title: t('imports.closure'),
            render: (_, r) =>
              r.closure
                ? t('imports.closureText', {
                    date: r.closure.closedOn,
                    who: r.closure.verifiers.join('、') || t('imports.notRecorded'),
                  })
                : null,
          },
          {
            key: 'problems',
            title: t('imports.problemColumn'),
            render: (_, r) =>
              r.problems
                .map((p) => `${t(`imports.field.${p.field}`)}：${t(`imports.code.${p.code}`)}`)
                .join('；'),
          },
          {
            key: 'rect',
            title: t('imports.record'),
            render: (_, r) =>
              r.rectificationId ? (
                <Link to={`/rectifications/${r.rectificationId}`}>{t('imports.open')}</Link>
              ) : null,
          },
        ]}
      />
    </section>
  );
}

function LedgerImport() {
  const { t } = useI18n();
  return (
    <DryRunImport
      run={useImportLedger()}
      testId="import"
      hint={t('imports.hint')}
      choose={t('imports.choose')}
      writable={(r) => r.counts.valid}
      commitLabel={(n) => t('imports.commit', { n })}
    >
      {(report) => <Report report={report} />}
    </DryRunImport>
  );
}

/**
 * The imports screen: the ledger import (inspectors, supervisors), the past-records import
 * (supervisors) and the organisation import (the system administrator), each shown to whom may use
 * it — one as the page, several as tabs.
 */
export function ImportPage() {
  const { t } = useI18n();
  const can = useCan();
  const sections = [
    ...(can('ledger.import')
      ? [{ key: 'ledger', label: t('imports.title'), children: <LedgerImport /> }]
      : []),
    // The round trip: a unit's officers bring back the ledger they exported and edited offline.
    ...(can('rectification.work')
      ? [{ key: 'updates', label: t('ledgerUpdate.title'), children: <LedgerUpdateSection /> }]
      : []),
    ...(can('history.import')
      ? [{ key: 'history', label: t('history.title'), children: <HistoryImportSection /> }]
      : []),
    ...(can('org.import')
      ? [{ key: 'org', label: t('orgImport.title'), children: <OrgImportSection /> }]
      : []),
  ];
  const only = sections.length === 1 ? sections[0] : undefined;
  return only ? (
    <Page title={only.label}>{only.children}</Page>
  ) : (
    <Page title={t('nav.imports')}>
      <Tabs items={sections} />
    </Page>
  );
}
