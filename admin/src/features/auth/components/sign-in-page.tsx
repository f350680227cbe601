import type { SignInRequest } from '@jiandu/shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/index.js';
import { ApiError } from '../../../lib/api-client.js';
import { useSession } from '../../../lib/use-session.js';
import { useSignIn } from '../api/sign-in.js';

export function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const s = useSession();
  const signIn = useSignIn();
  const next = params.get('next');
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (s && !signIn.isPending) return <Navigate to={target} replace />;
  const status = signIn.error instanceof ApiError ? signIn.error.status : 0;
  const failure =
    status === 401
      ? t('signin.failed')
      : status === 429
        ? t('signin.throttled')
        : status === 403
          ? t('signin.disabled')
          : t('error.network');
  return (
    <main className="signin">
      <div className="signin-card">
        <div className="signin-head">
          <h1>{t('app.name')}</h1>
          <Button
            type="link"
            onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
            data-testid="lang-switch"
            aria-label={`${t('app.language')} · ${t('app.languageLabel')}`}
          >
            {t('app.language')}
          </Button>
        </div>
        <p className="muted">{t('signin.subtitle')}</p>
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: SignInRequest) =>
            signIn.mutate(v, {
              onSuccess: () => {
                qc.clear();
                navigate(target, { replace: true });
              },
            })
          }
        >
          <Form.Item
            name="username"
            label={t('signin.username')}
            rules={[{ required: true, message: t('signin.usernameRequired') }]}
          >
            <Input autoComplete="username" autoCapitalize="none" data-testid="signin-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signin.password')}
            rules={[{ required: true, message: t('signin.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="signin-password" />
          </Form.Item>
          {signIn.error ? (
            <Alert
              type="error"
              role="alert"
              showIcon
              title={failure}
              className="banner"
              data-testid="signin-error"
            />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={signIn.isPending}
            data-testid="signin-submit"
          >
            {t('signin.submit')}
          </Button>
        </Form>
        <p className="muted small">{t('signin.demo')}</p>
      </div>
    </main>
  );
}
