/**
 * 台账更新 (the ledger round trip): a unit officer exports the unit's ledger (整改台账 export, with each
 * row's 记录编号 and 版本), edits measures, progress and status offline, and brings it back here. The dry
 * run lists every row's changes; the commit makes them the officer's own workflow steps. A row whose
 * record changed in the system since the export is a conflict: it is not applied.
 */
import { InboxOutlined } from '@ant-design/icons';
import type { LedgerUpdateReport, LedgerUpdateRow } from '@jiandu/shared/api';
import { Alert, Button, Descriptions, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { useI18n } from '../../../i18n/index.js';
import { useUpdateLedger } from '../api/update-ledger.js';

const STATUS_COLOR: Record<LedgerUpdateRow['status'], string> = {
  unchanged: 'default',
  update: 'blue',
  updated: 'green',
  conflict: 'orange',
  problem: 'red',
};

function UpdateReport({ report }: { report: LedgerUpdateReport }) {
  const { t } = useI18n();
  const c = report.counts;
  return (
    <section data-testid="update-report">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
        <Descriptions.Item label={t('imports.file')}>{report.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('imports.rows')}>{c.rows}</Descriptions.Item>
        <Descriptions.Item label={t('ledgerUpdate.status.update')}>{c.update + c.updated}</Descriptions.Item>
        <Descriptions.Item label={t('ledgerUpdate.status.unchanged')}>{c.unchanged}</Descriptions.Item>
        <Descriptions.Item label={t('ledgerUpdate.status.conflict')}>
          <span data-testid="update-conflicts">{c.conflict}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('imports.problems')}>{c.problems}</Descriptions.Item>
      </Descriptions>
      <Table<LedgerUpdateRow>
        size="small"
        rowKey="line"
        style={{ marginTop: 12 }}
        dataSource={report.rows.filter((r) => r.status !== 'unchanged')}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { key: 'line', title: t('imports.line'), dataIndex: 'line', width: 80 },
          {
            key: 'status',
            title: t('common.state'),
            width: 110,
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]}>{t(`ledgerUpdate.status.${r.status}`)}</Tag>
            ),
          },
          {
            key: 'changes',
            title: t('ledgerUpdate.changes'),
            render: (_, r) =>
              [
                ...r.changes.map(
                  (x) => `${t(`imports.field.${x.field}`)}：${x.from ?? t('imports.notRecorded')} → ${x.to}`,
                ),
                ...r.problems.map((p) => `${t(`imports.field.${p.field}`)}：${t(`imports.code.${p.code}`)}`),
                ...(r.status === 'conflict'
                  ? [
                      t('ledgerUpdate.conflictText', {
                        file: r.fileVersion ?? '',
                        now: r.currentVersion ?? '',
                      }),
                    ]
                  : []),
              ].join('；'),
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

export function LedgerUpdateSection() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const run = useUpdateLedger();
  const report = run.data ?? null;
  const checked = report?.dryRun && report.fileName === file?.name;
  return (
    <>
      <Alert type="info" showIcon title={t('ledgerUpdate.hint')} style={{ marginBottom: 12 }} />
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
        data-testid="update-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('ledgerUpdate.choose')}</p>
      </Upload.Dragger>
      <Space wrap style={{ margin: '12px 0' }}>
        <Button
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun}
          onClick={() => file && run.mutate({ file, dryRun: true })}
          data-testid="update-check"
        >
          {t('imports.check')}
        </Button>
        <Button
          type="primary"
          disabled={!file || !checked || (report?.counts.update ?? 0) === 0}
          loading={run.isPending && run.variables?.dryRun === false}
          onClick={() => file && run.mutate({ file, dryRun: false })}
          data-testid="update-commit"
        >
          {t('ledgerUpdate.commit', { n: report?.counts.update ?? 0 })}
        </Button>
      </Space>
      {run.error ? <ErrorAlert error={run.error} onClose={() => run.reset()} /> : null}
      {report ? <UpdateReport report={report} /> : null}
    </>
  );
}
