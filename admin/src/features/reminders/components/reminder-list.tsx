/**
 * 督办单: the reminders in the caller's jurisdiction, newest first — the record (by its title, or its kind
 * and unit), who sent it and when, whom it reached, and who has read it; unread ones marked.
 */
import type { Reminder } from '@jiandu/shared/api';
import { Tag } from 'antd';
import { useReminders } from '../../../api/reminders.js';
import { useUnits } from '../../../api/units.js';
import { ListBody } from '../../../components/ui/list-body.js';
import { Page } from '../../../components/ui/page.js';
import type { Column } from '../../../components/ui/virtual-list.js';
import { useI18n } from '../../../i18n/index.js';
import { fmtInstant } from '../../../lib/format.js';

const PATH = { rectification: '/rectifications/', petition: '/petitions/', case: '/cases/' } as const;

export function ReminderList() {
  const { t } = useI18n();
  const q = useReminders();
  const units = useUnits();
  const columns: Column<Reminder>[] = [
    {
      key: 'record',
      title: t('remind.record'),
      width: '2fr',
      render: (r) => (
        <span>
          <Tag>{t(`remind.kind.${r.target.type}`)}</Tag>
          {r.targetTitle ?? r.unitName ?? units.name(r.unitId)}
        </span>
      ),
    },
    { key: 'unit', title: t('common.unit'), width: '1fr', render: (r) => r.unitName ?? units.name(r.unitId) },
    {
      key: 'to',
      title: t('remind.to'),
      width: '1.5fr',
      render: (r) =>
        [
          ...r.recipients.map((p) => p.name ?? '—'),
          ...(r.vacant.length ? [t('remind.vacantShort', { n: r.vacant.length })] : []),
        ].join('、') || '—',
    },
    {
      key: 'read',
      title: t('remind.readState'),
      width: '1.2fr',
      render: (r) =>
        r.reads.length ? (
          <span data-testid="reminder-read">{r.reads.map((x) => x.name ?? '—').join('、')}</span>
        ) : (
          <Tag color="red" data-testid="reminder-unread">
            {t('remind.unread')}
          </Tag>
        ),
    },
    {
      key: 'at',
      title: t('remind.issuedAt'),
      width: '130px',
      secondary: true,
      render: (r) => `${fmtInstant(r.issuedAt)} · ${r.issuedBy.name ?? '—'}`,
    },
  ];
  return (
    <Page title={t('remind.listTitle')}>
      <ListBody
        q={q}
        testId="reminders"
        label={t('remind.listTitle')}
        columns={columns}
        rowKey={(r) => r.id}
        rowHref={(r) => `${PATH[r.target.type]}${r.target.id}`}
        emptyHint={t('remind.noneYet')}
      />
    </Page>
  );
}
