/**
 * A record's history: every event with who (the user's current name, which the answer carries beside the
 * chained id), when, what, the reason, and its place in the hash chain.
 */
import { migratedClosureSchema, role } from '@jiandu/shared';
import { Timeline, Typography } from 'antd';
import { type HistoryCollection, useEvents } from '../../api/events.js';
import { isMessageKey, useI18n } from '../../i18n/index.js';
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
  const { t, label } = useI18n();
  const q = useEvents(collection, id);
  // Each action by its name in the user's language; the code stays beside it (it is what the chain holds).
  const actionLabel = (action: string) => {
    const key = `action.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };
  const me = useSession()?.user;
  // A ledger row closed offline (DESIGN §4.7): its verifiers from the record it left, never shown as
  // in-system reviewers — the event's own actor is the importer.
  const offlineVerifiers = (after: unknown): string | null => {
    if (typeof after !== 'object' || after === null || !('migratedClosure' in after)) return null;
    const m = migratedClosureSchema.safeParse(after.migratedClosure);
    if (!m.success) return null;
    return m.data.verifiers.join('、') || t('imports.notRecorded');
  };
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
            {e.occurredAt ? (
              <div data-testid="event-occurred-at">
                {t('event.occurredAt', { at: fmtInstant(e.occurredAt) })}
              </div>
            ) : null}
            {e.action === 'rectification.migratedClosure' ? (
              <div data-testid="event-migrated-closure">
                {t('event.migratedClosure', { who: offlineVerifiers(e.after) ?? t('imports.notRecorded') })}
              </div>
            ) : null}
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
