import type { LedgerUpdateReport, LedgerUpdateRow } from '@jiandu/shared/api';
import { Descriptions, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/index.js';
import { useUpdateLedger } from '../api/update-ledger.js';
import { DryRunImport } from './dry-run-import.js';

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
  return (
    <DryRunImport
      run={useUpdateLedger()}
      testId="update"
      hint={t('ledgerUpdate.hint')}
      choose={t('ledgerUpdate.choose')}
      limits={false}
      writable={(r) => r.counts.update}
      commitLabel={(n) => t('ledgerUpdate.commit', { n })}
    >
      {(report) => <UpdateReport report={report} />}
    </DryRunImport>
  );
}
