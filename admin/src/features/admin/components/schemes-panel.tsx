/** Scheme versions: read any; store a new version made from a copy of one (admin). */
import { schemeSchema } from '@jiandu/shared';
import { App, Button, Card, Input, List } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useSchemeVersion, useSchemeVersions, useStoreScheme } from '../api/admin.js';

export function SchemesPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const versions = useSchemeVersions();
  const [picked, setPicked] = useState<number | undefined>();
  const latest = versions.data?.items[0]?.version;
  const shown = picked ?? latest;
  const scheme = useSchemeVersion(shown);
  const [draft, setDraft] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const store = useStoreScheme();
  if (versions.isLoading) return <Loading />;
  if (versions.error) return <ErrorState error={versions.error} onRetry={() => versions.refetch()} />;
  const save = () => {
    if (draft === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(draft);
    } catch (e) {
      setJsonError(t('admin.schemeJsonInvalid', { message: (e as Error).message }));
      return;
    }
    // The core's schema checks the copy before it is sent; the API checks it again.
    const check = schemeSchema.safeParse(parsed);
    if (!check.success) {
      const i = check.error.issues[0];
      setJsonError(`${i?.path.join('/')}: ${i?.message}`);
      return;
    }
    setJsonError(null);
    store.mutate(parsed, {
      onSuccess: (s) => {
        message.success(t('common.saved'));
        setDraft(null);
        setPicked(s.version);
      },
    });
  };
  return (
    <div className="admin-split">
      <Card size="small" title={t('admin.schemes')}>
        <List
          size="small"
          data-testid="scheme-versions"
          dataSource={versions.data?.items ?? []}
          renderItem={(v) => (
            <List.Item
              className={v.version === shown ? 'mine' : undefined}
              actions={[
                <Button key="o" size="small" type="link" onClick={() => setPicked(v.version)}>
                  {t('common.open')}
                </Button>,
              ]}
            >
              <div>
                <div>
                  {t('admin.schemeVersion', { v: v.version })} · {v.name}
                </div>
                <div className="muted small">
                  {v.storedAt
                    ? t('admin.schemeStoredAt', { at: fmtInstant(v.storedAt), by: v.storedBy ?? '' })
                    : null}
                </div>
              </div>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={shown ? t('admin.schemeVersion', { v: shown }) : ''}
        extra={
          scheme.data && draft === null ? (
            <Button
              onClick={() =>
                setDraft(JSON.stringify({ ...scheme.data, version: (latest ?? 0) + 1 }, null, 2))
              }
              data-testid="scheme-copy"
            >
              {t('admin.schemeCopy')}
            </Button>
          ) : null
        }
      >
        {draft !== null ? (
          <>
            <p className="muted">{t('admin.schemeEditHint')}</p>
            <Input.TextArea
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              rows={24}
              className="code"
              aria-label={t('admin.schemes')}
              data-testid="scheme-json"
            />
            {jsonError ? (
              <p className="error-text" role="alert">
                {jsonError}
              </p>
            ) : null}
            {store.error ? <ErrorAlert error={store.error} /> : null}
            <div className="row-gap">
              <Button type="primary" onClick={save} loading={store.isPending} data-testid="scheme-save">
                {t('common.save')}
              </Button>
              <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
            </div>
          </>
        ) : scheme.isLoading ? (
          <Loading />
        ) : (
          <Input.TextArea
            readOnly
            value={JSON.stringify(scheme.data, null, 2)}
            rows={24}
            className="code"
            aria-label={shown ? t('admin.schemeVersion', { v: shown }) : t('admin.schemes')}
            data-testid="scheme-view"
          />
        )}
      </Card>
    </div>
  );
}
