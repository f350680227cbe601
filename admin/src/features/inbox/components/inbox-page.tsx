/** 消息: the user's notifications, newest first; opening one marks it read and goes to its record. */
import type { InboxItem } from '@jiandu/shared/api';
import { App, Button, List, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useUnits } from '../../../api/units.js';
import { Page } from '../../../components/ui/page.js';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';
import { useInbox, useMarkRead } from '../api/inbox.js';

const SEV: Record<string, string> = { info: 'blue', warning: 'orange', critical: 'red' };
const KINDS = [
  'alert.raised',
  'case.proposed',
  'rectification.assigned',
  'rectification.submitted',
  'rectification.rejected',
  'reminder.issued',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

const SUBJECT_PATH: Record<string, string> = {
  alert: '/alerts',
  case: '/cases/',
  rectification: '/rectifications/',
  reminder: '/reminders',
};

export function InboxPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useInbox(unreadOnly);
  const read = useMarkRead();
  const units = useUnits();
  const open = (n: InboxItem) => {
    const go = () => {
      const base = SUBJECT_PATH[n.subject.type];
      if (base) navigate(base.endsWith('/') ? `${base}${n.subject.id}` : base);
    };
    if (n.read) return go();
    read.mutate(n.id, {
      onSuccess: go,
      onError: (e) => message.error(errorText(e)),
    });
  };
  return (
    <Page
      title={t('inbox.title')}
      extra={
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { value: 'all', label: t('inbox.all') },
            { value: 'unread', label: t('inbox.unreadOnly', { n: q.data?.unread ?? 0 }) },
          ]}
          data-testid="inbox-filter"
        />
      }
    >
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (q.data?.items.length ?? 0) === 0 ? (
        <EmptyState hint={t('inbox.empty')} />
      ) : (
        <List
          data-testid="inbox"
          dataSource={q.data?.items ?? []}
          rowKey={(n) => n.id}
          renderItem={(n) => (
            <List.Item
              className={n.read ? 'inbox-read' : 'inbox-unread'}
              actions={[
                n.read ? (
                  <Tag key="r">{t('inbox.read')}</Tag>
                ) : (
                  <Button
                    key="m"
                    size="small"
                    onClick={() => read.mutate(n.id)}
                    data-testid="inbox-mark-read"
                  >
                    {t('inbox.markRead')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <Button
                    type="link"
                    style={{ padding: 0, fontWeight: n.read ? 400 : 600 }}
                    onClick={() => open(n)}
                  >
                    <Tag color={SEV[n.severity]}>{isKind(n.kind) ? t(`inbox.kind.${n.kind}`) : n.kind}</Tag>
                    {n.title}
                  </Button>
                }
                description={`${units.name(n.unitId)} · ${fmtInstant(n.at)} · ${n.text}`}
              />
            </List.Item>
          )}
        />
      )}
    </Page>
  );
}
