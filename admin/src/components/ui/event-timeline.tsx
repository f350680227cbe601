/**
 * A record's history: every event with who (the user's current name, which the answer carries beside the
 * chained id), when, what, the reason, and its place in the hash chain.
 */
import { role } from '@jiandu/shared';
import { Timeline, Typography } from 'antd';
import { type HistoryCollection, useEvents } from '../../api/events.js';
import { catalogues, type MessageKey, useI18n } from '../../i18n/index.js';
import { fmtInstant, shortHash } from '../../lib/format.js';
import { useSession } from '../../lib/use-session.js';
import { ErrorState, Loading } from './states.js';

export function EventTimeline({
  collection,
  id,
  actorName,
}: {
  collection: HistoryCollection;
  id: string;
  actorName?: (id: string) => string;
}) {
  const { t, label, lang } = useI18n();
  const q = useEvents(collection, id);
  // Each action by its name in the user's language; the code stays beside it (it is what the chain holds).
  const actionLabel = (action: string) => {
    const key = `action.${action}`;
    return key in catalogues[lang] ? t(key as MessageKey) : action;
  };
  const me = useSession()?.user;
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data?.items ?? [];
  return (
    <Timeline
      data-testid="event-timeline"
      items={items.map((e) => ({
        key: e.seq,
        content: (
          <div className="event" data-testid="event" data-action={e.action}>
            <div>
              <strong>{actionLabel(e.action)}</strong> <code className="muted small">{e.action}</code> ·{' '}
              {fmtInstant(e.at)} ·{' '}
              {actorName?.(e.actorId) ??
                (e.role === 'system'
                  ? t('event.system')
                  : (e.actorName ?? (e.actorId === me?.id ? me.name : e.actorId)))}
              {e.role !== 'system' ? ` (${label(role, e.role)})` : ''}
            </div>
            {e.reason ? (
              <div>
                {t('common.reason')}: {e.reason}
              </div>
            ) : null}
            <Typography.Text type="secondary" className="hash">
              #{e.seq} {t('rect.hash')} <code title={e.hash}>{shortHash(e.hash)}</code> ← {t('rect.prevHash')}{' '}
              <code title={e.prevHash}>{shortHash(e.prevHash)}</code>
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
