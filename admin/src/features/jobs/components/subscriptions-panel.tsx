/** 通知订阅: the subscription rules and retry policy as JSON, edited whole and saved with their version. */
import type { NotificationSettings } from '@jiandu/shared/api';
import { App, Button, Input } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { useSaveSubscriptions, useSubscriptions } from '../api/jobs.js';

export function SubscriptionsPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useSubscriptions(true);
  const save = useSaveSubscriptions();
  const [draft, setDraft] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const { version, ...settings } = q.data;
  const submit = () => {
    // The server validates the settings and names any field it refuses (problem+json, shown below).
    let parsed: NotificationSettings;
    try {
      parsed = JSON.parse(draft ?? '');
    } catch (e) {
      setJsonError((e as Error).message);
      return;
    }
    setJsonError(null);
    save.mutate(
      { ...parsed, expectedVersion: version },
      {
        onSuccess: () => {
          setDraft(null);
          message.success(t('common.done'));
        },
      },
    );
  };
  return (
    <div>
      <p className="muted">{t('jobs.subscriptionsHint', { v: version })}</p>
      {draft === null ? (
        <>
          <Input.TextArea
            readOnly
            value={JSON.stringify(settings, null, 2)}
            rows={20}
            className="code"
            aria-label={t('jobs.subscriptions')}
            data-testid="subscriptions-view"
          />
          <div className="row-gap">
            <Button
              onClick={() => setDraft(JSON.stringify(settings, null, 2))}
              data-testid="subscriptions-edit"
            >
              {t('jobs.editSubscriptions')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Input.TextArea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={20}
            className="code"
            aria-label={t('jobs.subscriptions')}
            data-testid="subscriptions-json"
          />
          {jsonError ? (
            <p className="error-text" role="alert">
              {jsonError}
            </p>
          ) : null}
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <div className="row-gap">
            <Button type="primary" onClick={submit} loading={save.isPending} data-testid="subscriptions-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
          </div>
        </>
      )}
    </div>
  );
}
