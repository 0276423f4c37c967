import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useLogin, useLoginNotice } from '../../lib/session';
import { savingOk } from '../../components/saving-ok';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login (no open redirect through ?next=). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const [form] = Form.useForm<LoginForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const login = useLogin();
  const demo = useLoginNotice().data?.demoAccounts;

  const onFinish = (values: LoginForm) =>
    login.mutate(values, {
      onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }),
      onError: (e) => applyFieldErrors(form, e, ['username', 'password']),
    });

  const errorText = login.error && !(isApiError(login.error) && login.error.code === 'VALIDATION_FAILED') ? login.error.message : null;

  return (
    // Top-aligned, and the demo notice (it arrives with a request after the form shows) goes under the button: nothing
    // above the button moves while someone reaches for it (a centred card shifted by half the notice, and a click meant
    // for 登录 landed in the password field).
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', paddingTop: 'max(32px, 14vh)', boxSizing: 'border-box', background: '#f0f2f5' }}>
      {/* Plain markup instead of Card/Typography: this is the first screen, and those bring tabs and tooltips along. */}
      <section style={{ width: 380, background: '#fff', borderRadius: 8, padding: '32px 32px 24px', boxShadow: '0 2px 12px rgba(0,0,0,0.08)' }}>
        <h1 style={{ textAlign: 'center', fontSize: 24, fontWeight: 600, margin: '0 0 4px' }}>{t('login.title')}</h1>
        <p style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', margin: '0 0 24px' }}>{t('login.subtitle')}</p>
        {notice && !errorText && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block {...savingOk(login.isPending)}>
            {t('login.submit')}
          </Button>
        </Form>
        {demo && <Alert type="warning" showIcon title={t('login.demoStore')} description={t('login.demoStoreHint')} style={{ marginTop: 16 }} data-testid="demo-store-warning" />}
      </section>
    </main>
  );
}
