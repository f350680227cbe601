/**
 * Files attached to a record (整改佐证材料, an objection's evidence, a finding's photos): name, type, size,
 * hash, when and by whom — each downloadable, and an image or a PDF shown in place (预览) in a new tab.
 */
import { canPreview, type Evidence } from '@jiandu/shared';
import { Button, List } from 'antd';
import { useState } from 'react';
import { openStoredFile } from '../api/evidence-download.js';
import { useI18n } from '../i18n/index.js';
import { fmtInstant, shortHash } from '../lib/format.js';
import { ErrorAlert } from './ui/server-errors.js';

export function EvidenceFiles({
  files,
  pathOf,
  who,
  testId,
}: {
  files: readonly Evidence[];
  /** The API path (under /api/v1) that signs a URL for one file. */
  pathOf: (evidenceId: string) => string;
  /** The name of whoever attached a file. */
  who: (userId: string) => string;
  testId: string;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const open = (e: Evidence, how: 'inline' | 'attachment') => {
    setError(null);
    openStoredFile(pathOf(e.id), how).catch(setError);
  };
  return (
    <>
      <List
        size="small"
        data-testid={testId}
        dataSource={[...files]}
        locale={{ emptyText: t('common.none') }}
        renderItem={(e) => (
          <List.Item
            actions={[
              ...(canPreview(e.contentType)
                ? [
                    <Button
                      key="preview"
                      size="small"
                      data-testid={`evidence-preview-${e.id}`}
                      onClick={() => open(e, 'inline')}
                    >
                      {t('evidence.preview')}
                    </Button>,
                  ]
                : []),
              <Button
                key="download"
                size="small"
                data-testid={`evidence-download-${e.id}`}
                onClick={() => open(e, 'attachment')}
              >
                {t('rect.downloadEvidence')}
              </Button>,
            ]}
          >
            <div>
              <div>
                {e.fileName}{' '}
                <span className="muted">
                  ({e.contentType}, {Math.ceil(e.size / 1024)} KB)
                </span>
              </div>
              <div className="muted small">
                SHA-256 <code title={e.sha256}>{shortHash(e.sha256)}</code> · {fmtInstant(e.at)} · {who(e.by)}
              </div>
            </div>
          </List.Item>
        )}
      />
      {error ? <ErrorAlert error={error} onClose={() => setError(null)} /> : null}
    </>
  );
}
