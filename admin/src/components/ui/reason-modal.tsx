/** A small modal that asks for a reason (or other text) before an action. */
import { Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n/index.js';

export function ReasonModal({
  open,
  title,
  label,
  required = true,
  onCancel,
  onSubmit,
  children,
  testId = 'reason-modal',
  withReason = true,
}: {
  open: boolean;
  title: string;
  label?: string;
  required?: boolean;
  onCancel: () => void;
  onSubmit: (values: { reason: string } & Record<string, unknown>) => Promise<unknown> | undefined;
  children?: ReactNode;
  testId?: string;
  withReason?: boolean;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      data-testid={testId}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as never}
      onOk={async () => {
        let values: { reason: string } & Record<string, unknown>;
        try {
          values = await form.validateFields();
        } catch {
          // An empty reason: the form marks the field; nothing is sent (and no unhandled rejection).
          return;
        }
        setBusy(true);
        try {
          await onSubmit(values);
          form.resetFields();
        } catch {
          // The caller shows what went wrong; the modal stays open for another try.
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        {children}
        {withReason ? (
          <Form.Item
            name="reason"
            label={label ?? t('common.reason')}
            rules={
              required ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []
            }
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid={`${testId}-reason`} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
