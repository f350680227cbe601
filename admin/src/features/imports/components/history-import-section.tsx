import type { RecordsImportReport, RecordsReportRow, RecordsSheetReport } from '@jiandu/shared/api';
import { App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { downloadFile } from '../../../components/ui/export-button.js';
import { useI18n } from '../../../i18n/index.js';
import { useImportRecords } from '../api/import-records.js';
import { DryRunImport } from './dry-run-import.js';

const STATUS_COLOR: Record<RecordsReportRow['status'], string> = {
  valid: 'blue',
  problem: 'red',
  created: 'green',
  duplicate: 'default',
  conflict: 'orange',
};

function SheetReport({ sheet, onlyProblems }: { sheet: RecordsSheetReport; onlyProblems: boolean }) {
  const { t } = useI18n();
  const units = useUnits();
  const rows = onlyProblems ? sheet.rows.filter((r) => r.status === 'problem') : sheet.rows;
  const c = sheet.counts;
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={`${t(`history.kind.${sheet.kind}`)} · ${sheet.sheet}`}
      data-testid={`history-sheet-${sheet.kind}`}
    >
      <p>
        {t('history.counts', {
          rows: c.rows,
          refused: c.refused,
          created: c.created,
          duplicate: c.duplicate,
        })}
      </p>
      {sheet.ignoredColumns.length ? (
        <p className="muted">{t('imports.ignored', { columns: sheet.ignoredColumns.join('、') })}</p>
      ) : null}
      <Table<RecordsReportRow>
        size="small"
        rowKey="line"
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { key: 'line', title: t('imports.line'), dataIndex: 'line', width: 64 },
          {
            key: 'status',
            title: t('common.state'),
            width: 96,
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`imports.status.${r.status}`)}</Tag>,
          },
          { key: 'unit', title: t('common.unit'), render: (_, r) => units.name(r.unitId) },
          {
            key: 'problems',
            title: t('imports.problemColumn'),
            render: (_, r) =>
              r.problems
                .map((p) => `${t(`history.field.${p.field}`)}：${t(`history.code.${p.code}`)}`)
                .join('；'),
          },
        ]}
      />
    </Card>
  );
}

function Report({ report }: { report: RecordsImportReport }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [onlyProblems, setOnlyProblems] = useState(true);
  const refused = report.sheets.reduce((n, s) => n + s.counts.refused, 0);
  return (
    <section data-testid="history-report">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('imports.file')}>{report.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('history.quarters')}>
          <span data-testid="history-quarters">{report.quarters.join('、') || '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {report.ignoredSheets.length ? (
        <p className="muted">{t('history.ignoredSheets', { sheets: report.ignoredSheets.join('、') })}</p>
      ) : null}
      <Space wrap style={{ margin: '12px 0' }}>
        {refused > 0 ? (
          <Button
            data-testid="history-annotated"
            onClick={() =>
              downloadFile(report.annotated, `${report.fileName}-问题说明.xlsx`).catch((e: unknown) =>
                message.error(errorText(e)),
              )
            }
          >
            {t('imports.downloadAnnotated')}
          </Button>
        ) : null}
        <Button onClick={() => setOnlyProblems(!onlyProblems)}>
          {onlyProblems ? t('imports.showAll') : t('imports.showProblems')}
        </Button>
      </Space>
      {report.sheets.map((s) => (
        <SheetReport key={s.sheet} sheet={s} onlyProblems={onlyProblems} />
      ))}
    </section>
  );
}

export function HistoryImportSection() {
  const { t } = useI18n();
  return (
    <section data-testid="history-import">
      <DryRunImport
        run={useImportRecords()}
        testId="history"
        hint={t('history.hint')}
        choose={t('history.choose')}
        writable={(r) => r.sheets.reduce((n, s) => n + s.counts.valid, 0)}
        commitLabel={(n) => t('imports.commit', { n })}
      >
        {(report) => <Report report={report} />}
      </DryRunImport>
    </section>
  );
}
