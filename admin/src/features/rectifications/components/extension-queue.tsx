/**
 * 延期审批: the supervisor's queue of pending extension requests (issue 17 item 3) — each decided from the
 * queue with the rectification's own `decideExtension` action (the version the row was read at; a stale
 * one answers the conflict with the record as it is now, like on the record's page).
 */
import type { RectificationRow } from '@jiandu/shared/api';
import { App, Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { LightTag } from '../../../components/ui/light-tag.js';
import { Page } from '../../../components/ui/page.js';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useRectAction, useRects } from '../api/rectifications.js';

function Request({ r }: { r: RectificationRow }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const units = useUnits();
  const act = useRectAction(r.id);
  const [denying, setDenying] = useState(false);
  const request = r.extensions.find((e) => e.decision === 'pending');
  if (!request) return null;
  const decide = (approve: boolean, reason: string | null) =>
    act.mutateAsync({ action: { type: 'decideExtension', approve, reason }, expectedVersion: r.version });
  return (
    <li className="queue-item" data-testid="extension-request">
      <div className="queue-item-head">
        <Link to={`/rectifications/${r.id}`}>{r.title}</Link> <LightTag light={r.light} />
      </div>
      <dl className="queue-facts">
        <dt>{t('common.unit')}</dt>
        <dd>{units.name(r.unitId)}</dd>
        <dt>{t('ext.current')}</dt>
        <dd>{r.deadline}</dd>
        <dt>{t('ext.requested')}</dt>
        <dd data-testid="extension-requested">{request.requestedDeadline}</dd>
        <dt>{t('ext.requestedAt')}</dt>
        <dd>{fmtInstant(request.requestedAt)}</dd>
        <dt>{t('ext.reason')}</dt>
        <dd>{request.reason}</dd>
      </dl>
      <div className="actions">
        <Button
          type="primary"
          loading={act.isPending}
          data-testid="extension-approve"
          onClick={() =>
            modal.confirm({
              title: t('rect.approveExtension'),
              content: t('ext.approveConfirm', { to: request.requestedDeadline }),
              okText: t('rect.approveExtension'),
              cancelText: t('common.cancel'),
              okButtonProps: { 'data-testid': 'extension-approve-ok' } as never,
              onOk: () => decide(true, null).catch(() => undefined),
            })
          }
        >
          {t('rect.approveExtension')}
        </Button>
        <Button onClick={() => setDenying(true)} disabled={act.isPending} data-testid="extension-deny">
          {t('rect.denyExtension')}
        </Button>
      </div>
      {act.error ? <ErrorAlert error={act.error} onClose={() => act.reset()} /> : null}
      <ReasonModal
        open={denying}
        title={t('rect.denyExtension')}
        label={t('ext.denyReason')}
        required={false}
        testId="extension-deny-modal"
        onCancel={() => setDenying(false)}
        onSubmit={async ({ reason }) => {
          await decide(false, reason?.trim() ? reason.trim() : null);
          setDenying(false);
        }}
      />
    </li>
  );
}

export function ExtensionQueue() {
  const { t } = useI18n();
  const q = useRects({ state: 'open', extension: 'pending' });
  return (
    <Page title={t('ext.title')}>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.items.length === 0 ? (
        <EmptyState hint={t('home.nothing')} />
      ) : (
        <>
          <ul className="queue" data-testid="extension-queue">
            {q.items.map((r) => (
              <Request key={r.id} r={r} />
            ))}
          </ul>
          {q.hasNextPage ? (
            <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
              {t('ind.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </Page>
  );
}
