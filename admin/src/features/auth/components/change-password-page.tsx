/**
 * 修改密码: one's own password, with the current one. After a reset or at first sign-in this is the only
 * screen the session may open (the router sends every other path here).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/server-errors.js';
import { type MessageKey, useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { useUser } from '../../../lib/use-session.js';
import { useChangePassword } from '../api/change-password.js';

interface Values {
  currentPassword: string;
  password: string;
  confirm: string;
}

const FIELD_CODES = [
  'password.tooShort',
  'password.tooLong',
  'password.common',
  'password.weak',
  'auth.currentPasswordWrong',
] as const;

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const forced = !!user.mustChangePassword;
  const known =
    change.error instanceof ApiError && (FIELD_CODES as readonly string[]).includes(change.error.code);
  return (
    <main className="signin">
      <div className="signin-card">
        <div className="signin-head">
          <h1>{t('account.title')}</h1>
          {forced ? null : <Link to="/">{t('account.back')}</Link>}
        </div>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            title={t('account.mustChange')}
            className="banner"
            data-testid="must-change"
          />
        ) : null}
        <p className="muted small">{t('account.passwordHint')}</p>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={({ currentPassword, password }) =>
            change.mutate(
              { currentPassword, password },
              {
                onSuccess: () => {
                  message.success(t('account.changed'));
                  qc.clear();
                  navigate('/', { replace: true });
                },
                onError: (e) => {
                  if (!(e instanceof ApiError) || !(FIELD_CODES as readonly string[]).includes(e.code))
                    return;
                  form.setFields([
                    {
                      name: e.field === 'currentPassword' ? 'currentPassword' : 'password',
                      errors: [t(`account.error.${e.code}` as MessageKey)],
                    },
                  ]);
                },
              },
            )
          }
        >
          <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item name="password" label={t('account.newPassword')} rules={[{ required: true, min: 12 }]}>
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['password']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          {change.error && !known ? <ErrorAlert error={change.error} /> : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={change.isPending}
            data-testid="change-password-submit"
          >
            {t('account.title')}
          </Button>
        </Form>
      </div>
    </main>
  );
}
