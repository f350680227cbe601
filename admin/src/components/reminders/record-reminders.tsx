/**
 * 督办记录 on a record's page: the reminders sent about it (newest first) — who sent them, when, with what
 * message, whom they reached and who has read them — the 催办 action for a supervisor, and 标为已读 for a
 * user of the responsible unit who has not read one yet.
 */
import type { Reminder, ReminderTargetType } from '@jiandu/shared/api';
import { Button, Card, List, Tag } from 'antd';
import { useMarkReminderRead, useRecordReminders } from '../../api/reminders.js';
import { useI18n } from '../../i18n/index.js';
import { fmtInstant } from '../../lib/format.js';
import { useCan } from '../../lib/use-can.js';
import { useUser } from '../../lib/use-session.js';
import { ErrorAlert } from '../ui/server-errors.js';
import { Reached, RemindButton } from './remind-button.js';

export function RecordReminders({ type, id }: { type: ReminderTargetType; id: string }) {
  const { t } = useI18n();
  const can = useCan();
  const me = useUser();
  const q = useRecordReminders(type, id);
  const read = useMarkReminderRead();
  const items = q.data?.items ?? [];
  if (!can('reminder.read')) return null;
  if (!can('reminder.issue') && items.length === 0) return null;
  const unread = (r: Reminder) => !r.reads.some((x) => x.userId === me.id);
  return (
    <Card
      title={t('remind.records')}
      style={{ marginTop: 12 }}
      data-testid="record-reminders"
      extra={<RemindButton targets={[{ type, id }]} />}
    >
      {read.error ? <ErrorAlert error={read.error} onClose={() => read.reset()} /> : null}
      <List
        dataSource={items}
        locale={{ emptyText: t('remind.none') }}
        renderItem={(r) => (
          <List.Item data-testid="reminder" data-read={r.reads.length > 0}>
            <div style={{ width: '100%' }}>
              <div>
                <Tag color="orange">{t('remind.tag')}</Tag>
                {fmtInstant(r.issuedAt)} · {r.issuedBy.name ?? '—'}
                {r.message ? <span> · {r.message}</span> : null}
              </div>
              <Reached reminders={[r]} />
              <div className="muted small" data-testid="reminder-reads">
                {r.reads.length
                  ? t('remind.readBy', {
                      who: r.reads.map((x) => `${x.name ?? '—'} ${fmtInstant(x.at)}`).join('、'),
                    })
                  : t('remind.unread')}
              </div>
              {can('reminder.ack') && !can('reminder.issue') && unread(r) ? (
                <Button
                  size="small"
                  onClick={() => read.mutate(r.id)}
                  loading={read.isPending}
                  data-testid="reminder-mark-read"
                >
                  {t('inbox.markRead')}
                </Button>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
