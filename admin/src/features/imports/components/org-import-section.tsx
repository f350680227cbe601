import type { OrgImportReport, OrgReportRow, OrgSheetCounts } from '@jiandu/shared/api';
import { Alert, App, Button, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../components/ui/export-button.js';
import { useI18n } from '../../../i18n/index.js';
import { useImportOrg } from '../api/import-org.js';
import { DryRunImport } from './dry-run-import.js';

const STATUS_COLOR: Record<OrgReportRow['status'], string> = {
  new: 'blue',
  created: 'green',
  existing: 'default',
  conflict: 'orange',
  problem: 'red',
};
const SEVERITY_COLOR = { error: 'red', conflict: 'orange', warning: 'gold' } as const;

/** Rows worth a look: refused, in conflict with the system, or with a warning. */
const flagged = (r: OrgReportRow) => r.problems.length > 0;

function SheetCounts({ counts, dryRun }: { counts: OrgSheetCounts; dryRun: boolean }) {
  const { t } = useI18n();
  return (
    <span>
      {t(dryRun ? 'orgImport.countsDry' : 'orgImport.countsDone', {
        rows: counts.rows,
        refused: counts.refused,
        conflicts: counts.conflicts,
        n: dryRun ? counts.new : counts.created,
        existing: counts.existing,
      })}
    </span>
  );
}

function Report({ report }: { report: OrgImportReport }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [onlyFlagged, setOnlyFlagged] = useState(true);
  const rows = onlyFlagged ? report.rows.filter(flagged) : report.rows;
  const { units, tenures } = report.counts;
  const flaggedCount = report.rows.filter(flagged).length;
  return (
    <section className="import-report" data-testid="org-import-report">
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('imports.file')}>{report.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('imports.format')}>
          {report.format} · {report.encoding}
        </Descriptions.Item>
        <Descriptions.Item label={t('orgImport.sheet.units')}>
          <span data-testid="org-import-units">
            {report.sheets.units ? (
              <SheetCounts counts={units} dryRun={report.dryRun} />
            ) : (
              t('orgImport.sheetAbsent')
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orgImport.sheet.tenures')}>
          <span data-testid="org-import-tenures">
            {report.sheets.tenures ? (
              <SheetCounts counts={tenures} dryRun={report.dryRun} />
            ) : (
              t('orgImport.sheetAbsent')
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('imports.problems')}>
          <span data-testid="org-import-problems">{units.refused + tenures.refused}</span>
        </Descriptions.Item>
      </Descriptions>
      {units.warnings + tenures.warnings > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('orgImport.warnings', { n: units.warnings + tenures.warnings })}
        />
      ) : null}
      <Space wrap style={{ margin: '12px 0' }}>
        {flaggedCount > 0 ? (
          <Button
            data-testid="org-import-annotated"
            onClick={() =>
              downloadFile(report.annotated, `${report.fileName}-问题说明.xlsx`).catch((e: unknown) =>
                message.error(errorText(e)),
              )
            }
          >
            {t('imports.downloadAnnotated')}
          </Button>
        ) : null}
        <Button onClick={() => setOnlyFlagged(!onlyFlagged)} data-testid="org-import-toggle-rows">
          {onlyFlagged ? t('imports.showAll') : t('imports.showProblems')}
        </Button>
      </Space>
      <Table<OrgReportRow>
        size="small"
        rowKey={(r) => `${r.sheet}:${r.line}`}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { key: 'line', title: t('imports.line'), dataIndex: 'line', width: 56 },
          {
            key: 'sheet',
            title: t('orgImport.sheetColumn'),
            width: 72,
            render: (_, r) => t(`orgImport.sheet.${r.sheet}`),
          },
          { key: 'label', title: t('orgImport.label'), dataIndex: 'label' },
          {
            key: 'status',
            title: t('common.state'),
            width: 88,
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`orgImport.status.${r.status}`)}</Tag>,
          },
          {
            key: 'problems',
            title: t('imports.problemColumn'),
            render: (_, r) =>
              r.problems.map((p) => (
                <div key={`${p.field}:${p.code}`}>
                  <Tag color={SEVERITY_COLOR[p.severity]}>{t(`orgImport.severity.${p.severity}`)}</Tag>
                  {t(`orgImport.field.${p.field}`)}：{t(`orgImport.code.${p.code}`)}
                </div>
              )),
          },
        ]}
      />
    </section>
  );
}

export function OrgImportSection() {
  const { t } = useI18n();
  return (
    <section data-testid="org-import">
      <DryRunImport
        run={useImportOrg()}
        testId="org-import"
        hint={t('orgImport.hint')}
        choose={t('orgImport.choose')}
        writable={(r) => r.counts.units.new + r.counts.tenures.new}
        commitLabel={(n) => t('orgImport.commit', { n })}
      >
        {(report) => <Report report={report} />}
      </DryRunImport>
    </section>
  );
}
