/**
 * 历史数据导入 (the supervisor moving a county in): choose a workbook of past findings, petitions,
 * opinion signals and indicators (a sheet each, or a csv of one kind), check it (a dry run: nothing is
 * written), see each sheet's rows in / refused / created / duplicate and the quarters it counts in,
 * download the same file with a 问题说明 column, then import the valid rows. Importing the same file again
 * adds nothing.
 */
import { InboxOutlined } from '@ant-design/icons';
import type { RecordsImportReport, RecordsReportRow, RecordsSheetReport } from '@jiandu/shared/api';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useUnits } from '../../../api/units.js';
import { downloadFile } from '../../../components/ui/export-button.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { useI18n } from '../../../i18n/index.js';
import { useImportRecords } from '../api/import-records.js';

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
  const { t } = useI18n();
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
                message.error(String((e as Error).message)),
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
  const [file, setFile] = useState<File | null>(null);
  const run = useImportRecords();
  const report = run.data ?? null;
  const checked = report?.dryRun && report.fileName === file?.name;
  const valid = report?.sheets.reduce((n, s) => n + s.counts.valid, 0) ?? 0;
  return (
    <section data-testid="history-import">
      <Alert type="info" showIcon title={t('history.hint')} style={{ marginBottom: 12 }} />
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          run.reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          run.reset();
        }}
        data-testid="history-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('history.choose')}</p>
        <p className="muted">{t('imports.limits')}</p>
      </Upload.Dragger>
      <Space wrap style={{ margin: '12px 0' }}>
        <Button
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun}
          onClick={() => file && run.mutate({ file, dryRun: true })}
          data-testid="history-check"
        >
          {t('imports.check')}
        </Button>
        <Button
          type="primary"
          disabled={!file || !checked || valid === 0}
          loading={run.isPending && run.variables?.dryRun === false}
          onClick={() => file && run.mutate({ file, dryRun: false })}
          data-testid="history-commit"
        >
          {t('imports.commit', { n: valid })}
        </Button>
      </Space>
      {run.error ? <ErrorAlert error={run.error} onClose={() => run.reset()} /> : null}
      {report ? <Report report={report} /> : null}
    </section>
  );
}
