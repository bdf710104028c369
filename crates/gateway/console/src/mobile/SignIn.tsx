// Signing in, on any screen: login name (or phone number) and password. The phone kit, so a
// resident's first page is light; staff meet the same form.
import { Button, Checkbox, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../gql';
import { useApi } from '../lib/api';
import { useT } from '../lib/i18n';
import { ownPhone, type Session } from '../lib/session';

const LOGIN = graphql(`mutation SignInLogin($l: String!, $p: String!) {
  login(loginName: $l, password: $p) { token expiresAt account { id displayName } } }`);

export default function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const api = useApi();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ loginName, password, remember }: { loginName: string; password: string; remember: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      const { login } = await api.request(LOGIN, { l: loginName.trim(), p: password });
      onSignedIn({ ...login, remember });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-card signin">
      <h1>{t('登录邻里', 'Sign in to Linli')}</h1>
      <p>{t('社区学院与共建共治平台', 'Community college and co-governance platform')}</p>
      {error && <div className="m-alert error" role="alert">{error}</div>}
      {/* On a phone (one's own) staying signed in is the default; on a computer (perhaps the
          community office's) it is not. */}
      <Form layout="vertical" onFinish={submit} requiredMarkStyle="none" initialValues={{ remember: ownPhone() }}
        footer={<Button block type="submit" color="primary" size="large" loading={busy}>{t('登录', 'Sign in')}</Button>}>
        <Form.Item label={t('账号或手机号', 'Login name or phone number')} name="loginName"
          rules={[{ required: true, message: t('请输入账号', 'Enter your login name') }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label={t('密码', 'Password')} name="password"
          rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="remember" valuePropName="checked">
          <Checkbox>{t('在这台手机上保持登录', 'Keep me signed in on this phone')}</Checkbox>
        </Form.Item>
      </Form>
      <p><a href="#/register">{t('高校、企业、社会组织：注册成为共建单位', 'Universities, companies, social organisations: register as a partner')}</a></p>
    </div>
  );
}

