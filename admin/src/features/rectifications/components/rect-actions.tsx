/**
 * The actions the API says this user may take now (`allowedActions`) — nothing else is shown, and the API
 * refuses it anyway. A 409 shows the record as it is now and offers the same action on that version;
 * a refusal naming a field shows it next to that field.
 */

import type { RectificationAction, RectificationActionType } from '@jiandu/shared';
import type { RectificationView } from '@jiandu/shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '../../../components/ui/reason-modal.js';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { StepOutcome, useStepRunner } from '../../../components/ui/step-runner.js';
import { useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { rectKeys, useRectAction } from '../api/rectifications.js';
import { StateTag } from './state-tag.js';

type Dialog = 'reject' | 'reopen' | 'requestExtension' | 'decideExtension' | null;

export function RectActions({ rect }: { rect: RectificationView }) {
  const { t, errorText } = useI18n();
  const { modal } = App.useApp();
  const act = useRectAction(rect.id);
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [extForm] = Form.useForm();
  const [decForm] = Form.useForm();
  const allowed = new Set(rect.allowedActions);
  // A rejected run keeps a modal open on a field error; a conflict closes it and shows the record now.
  const runner = useStepRunner<RectificationAction>({
    version: rect.version,
    send: (action, expectedVersion) => act.mutateAsync({ action, expectedVersion }),
    onSettled: () => setDialog(null),
  });
  const { run, quiet, failed } = runner;

  const simple: [RectificationActionType, string, 'primary' | 'default'][] = [
    ['start', t('rect.start'), 'primary'],
    ['submit', t('rect.submit'), 'primary'],
  ];
  const fieldOf = (e: unknown) =>
    e instanceof ApiError && e.field ? e.field.replace(/^action\//, '') : undefined;

  return (
    <div data-testid="rect-actions">
      <div className="row-gap">
        {simple
          .filter(([a]) => allowed.has(a))
          .map(([a, text, type]) => (
            <Button
              key={a}
              type={type}
              onClick={() =>
                a === 'submit'
                  ? // 提交销号 hands the item to the reviewers: an irreversible step, confirmed first.
                    modal.confirm({
                      title: t('rect.submit'),
                      content: t('rect.submitConfirm'),
                      okText: t('rect.submit'),
                      cancelText: t('common.cancel'),
                      okButtonProps: { 'data-testid': 'submit-confirm' } as never,
                      onOk: () => quiet({ type: a }),
                    })
                  : quiet({ type: a } as RectificationAction)
              }
              loading={act.isPending}
              data-testid={`action-${a}`}
            >
              {text}
            </Button>
          ))}
        {allowed.has('approve') ? (
          <Button
            type="primary"
            data-testid="action-approve"
            onClick={() =>
              modal.confirm({
                title: t('rect.approve'),
                okText: t('common.confirm'),
                cancelText: t('common.cancel'),
                onOk: () => quiet({ type: 'approve' }),
              })
            }
          >
            {t('rect.approve')}
          </Button>
        ) : null}
        {allowed.has('reject') ? (
          <Button danger onClick={() => setDialog('reject')} data-testid="action-reject">
            {t('rect.reject')}
          </Button>
        ) : null}
        {allowed.has('requestExtension') ? (
          <Button onClick={() => setDialog('requestExtension')} data-testid="action-requestExtension">
            {t('rect.requestExtension')}
          </Button>
        ) : null}
        {allowed.has('decideExtension') ? (
          <Button
            type="primary"
            onClick={() => setDialog('decideExtension')}
            data-testid="action-decideExtension"
          >
            {t('rect.decideExtension')}
          </Button>
        ) : null}
        {allowed.has('reopen') ? (
          <Button onClick={() => setDialog('reopen')} data-testid="action-reopen">
            {t('rect.reopen')}
          </Button>
        ) : null}
        {rect.allowedActions.length === 0 ? <span className="muted">{t('rect.noActions')}</span> : null}
      </div>
      <StepOutcome<RectificationAction, RectificationView>
        runner={runner}
        stepName={(a) => a.type}
        dialogOpen={dialog !== null}
        renderCurrent={(cur) => (
          <span>
            <StateTag state={cur.state} /> {t('common.version')} {cur.version} · {t('common.deadline')}{' '}
            {cur.deadline}
          </span>
        )}
        onDiscard={(current) => {
          void act.reset();
          if (current) qc.setQueryData(rectKeys.one(rect.id), current);
        }}
      />
      <ReasonModal
        open={dialog === 'reject' || dialog === 'reopen'}
        title={dialog === 'reopen' ? t('rect.reopen') : t('rect.reject')}
        onCancel={() => setDialog(null)}
        testId={`${dialog}-modal`}
        onSubmit={(v) => run({ type: dialog === 'reopen' ? 'reopen' : 'reject', reason: v.reason })}
      />
      <Modal
        open={dialog === 'requestExtension'}
        title={t('rect.requestExtension')}
        onCancel={() => setDialog(null)}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        data-testid="extension-modal"
        okButtonProps={{ 'data-testid': 'extension-modal-ok' } as never}
        onOk={async () => {
          const v = await extForm.validateFields();
          await run({ type: 'requestExtension', deadline: v.deadline, reason: v.reason }).catch((e) => {
            // The modal stays open; the server's message goes next to the field it named.
            const field = fieldOf(e);
            if (field === 'deadline' || field === 'reason')
              extForm.setFields([{ name: field, errors: [errorText(e)] }]);
          });
        }}
      >
        <Form form={extForm} layout="vertical" preserve={false}>
          <Form.Item name="deadline" label={t('rect.newDeadline')} rules={[{ required: true }]}>
            <Input type="date" min={rect.deadline} data-testid="extension-deadline" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('common.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="extension-reason" />
          </Form.Item>
          {failed && dialog === 'requestExtension' && !fieldOf(failed.error) ? (
            <ErrorAlert error={failed.error} />
          ) : null}
        </Form>
      </Modal>
      <Modal
        open={dialog === 'decideExtension'}
        title={t('rect.decideExtension')}
        onCancel={() => setDialog(null)}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        data-testid="decide-extension-modal"
        okButtonProps={{ 'data-testid': 'decide-extension-modal-ok' } as never}
        onOk={async () => {
          const v = await decForm.validateFields();
          await run({ type: 'decideExtension', approve: v.approve, reason: v.reason || null }).catch(
            () => undefined,
          );
        }}
      >
        <Form form={decForm} layout="vertical" preserve={false} initialValues={{ approve: true }}>
          <p>
            {rect.extensions
              .filter((x) => x.decision === 'pending')
              .map((x) => `${t('rect.newDeadline')}: ${x.requestedDeadline} · ${x.reason}`)
              .join('；')}
          </p>
          <Form.Item name="approve" label={t('rect.decideExtension')}>
            <Radio.Group
              options={[
                { value: true, label: t('rect.approveExtension') },
                { value: false, label: t('rect.denyExtension') },
              ]}
              data-testid="extension-decision"
            />
          </Form.Item>
          <Form.Item name="reason" label={t('common.reason')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
