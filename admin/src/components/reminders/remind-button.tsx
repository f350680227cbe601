/**
 * 催办: a supervisor reminds the people responsible for one record or many (a list's rows): an optional
 * message, a confirmation, then who it reached — the holders of each unit's principal and deputy-in-charge
 * posts that day, by name — and any post nobody held, reported to the unit above.
 */
import { postKind } from '@jiandu/shared';
import type { Reminder, ReminderTarget } from '@jiandu/shared/api';
import { MAX_REMINDER_TARGETS } from '@jiandu/shared/api';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useIssueReminders } from '../../api/reminders.js';
import { useUnits } from '../../api/units.js';
import { useI18n } from '../../i18n/index.js';
import { useCan } from '../../lib/use-can.js';
import { ErrorAlert } from '../ui/server-errors.js';

export function RemindButton({
  targets,
  label,
  testId = 'remind',
}: {
  targets: ReminderTarget[];
  label?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<Reminder[] | null>(null);
  const [form] = Form.useForm<{ message?: string }>();
  const issue = useIssueReminders();
  if (!can('reminder.issue') || targets.length === 0) return null;
  const many = targets.length > 1;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid={testId}>
        {label ?? t('remind.action')}
      </Button>
      <Modal
        open={open}
        title={many ? t('remind.titleMany', { n: targets.length }) : t('remind.title')}
        okText={t('remind.send')}
        cancelText={t('common.cancel')}
        confirmLoading={issue.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': `${testId}-ok` } as never}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            const made = await issue.mutateAsync({ targets, message: v.message?.trim() || undefined });
            setOpen(false);
            form.resetFields();
            setDone(made);
            message.success(t('remind.sent', { n: made.length }));
          } catch {
            // shown below in the dialog; it stays open for another try
          }
        }}
      >
        <p>{t('remind.explain')}</p>
        {targets.length > MAX_REMINDER_TARGETS ? (
          <p className="muted">
            {t('remind.inBatches', { n: Math.ceil(targets.length / MAX_REMINDER_TARGETS) })}
          </p>
        ) : null}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="message" label={t('remind.message')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testId}-message`} />
          </Form.Item>
        </Form>
        {issue.error ? <ErrorAlert error={issue.error} onClose={() => issue.reset()} /> : null}
      </Modal>
      <Modal
        open={done !== null}
        title={t('remind.reachedTitle')}
        footer={null}
        onCancel={() => setDone(null)}
        destroyOnHidden
      >
        {done ? (
          <div data-testid={`${testId}-done`}>
            <Reached reminders={done} />
          </div>
        ) : null}
      </Modal>
    </>
  );
}

/** Who the reminders reached, by name and post, and the posts nobody held. */
export function Reached({ reminders }: { reminders: Reminder[] }) {
  const { t, label } = useI18n();
  const units = useUnits();
  return (
    <ul data-testid="remind-reached" className="plain-list">
      {reminders.map((r) => (
        <li key={r.id}>
          <strong>{r.targetTitle ?? r.unitName ?? units.name(r.unitId)}</strong>：
          {r.recipients.length
            ? r.recipients.map((p) => `${p.name ?? '—'}（${label(postKind, p.post)}）`).join('、')
            : t('remind.nobody')}
          {r.vacant.length ? (
            <div className="muted small" data-testid="remind-vacant">
              {t('remind.vacant', {
                posts: r.vacant.map((v) => label(postKind, v.post)).join('、'),
                unit: r.vacant[0]?.reportTo ? units.name(r.vacant[0].reportTo) : '—',
              })}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
