/**
 * The steps every import shares: pick a file, check it (a dry run: nothing is written), read the report,
 * then commit what the check found writable — the commit only once the file shown was checked, and only
 * when it has something to write. Each import gives its words, its count of writable rows and its report.
 */
import { InboxOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Button, Space, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { useI18n } from '../../../i18n/index.js';
import type { ImportVariables } from '../api/upload-import.js';

export interface DryRunImportProps<R extends { dryRun: boolean; fileName: string }> {
  run: UseMutationResult<R, Error, ImportVariables>;
  /** Prefix of the test ids: `<testId>-file`, `-check`, `-commit`. */
  testId: string;
  hint: string;
  choose: string;
  /** Whether to repeat the size and row limits under the picker. */
  limits?: boolean;
  /** The rows a commit of this report would write. */
  writable: (report: R) => number;
  commitLabel: (n: number) => string;
  children: (report: R) => ReactNode;
}

export function DryRunImport<R extends { dryRun: boolean; fileName: string }>(p: DryRunImportProps<R>) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const { run } = p;
  const report = run.data ?? null;
  const checked = report?.dryRun === true && report.fileName === file?.name;
  const writable = report ? p.writable(report) : 0;
  return (
    <>
      <Alert type="info" showIcon title={p.hint} style={{ marginBottom: 12 }} />
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
        data-testid={`${p.testId}-file`}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{p.choose}</p>
        {p.limits === false ? null : <p className="muted">{t('imports.limits')}</p>}
      </Upload.Dragger>
      <Space wrap style={{ margin: '12px 0' }}>
        <Button
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun}
          onClick={() => file && run.mutate({ file, dryRun: true })}
          data-testid={`${p.testId}-check`}
        >
          {t('imports.check')}
        </Button>
        <Button
          type="primary"
          disabled={!file || !checked || writable === 0}
          loading={run.isPending && run.variables?.dryRun === false}
          onClick={() => file && run.mutate({ file, dryRun: false })}
          data-testid={`${p.testId}-commit`}
        >
          {p.commitLabel(writable)}
        </Button>
      </Space>
      {run.error ? <ErrorAlert error={run.error} onClose={() => run.reset()} /> : null}
      {report ? p.children(report) : null}
    </>
  );
}
