import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../lib/api';
import { useT } from '../lib/i18n';
import { graphql } from '../gql';
import type { Session } from '../lib/session';

const LOGIN = graphql(`mutation SignInLogin($l: String!, $p: String!) {
  login(loginName: $l, password: $p) { token expiresAt account { id displayName } } }`);

export default function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const api = useApi();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ loginName, password }: { loginName: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { login } = await api.request(LOGIN, { l: loginName.trim(), p: password });
      onSignedIn(login);
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="signin" style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('登录邻里', 'Sign in to Linli')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('社区学院与共建共治平台', 'Community college and co-governance platform')}
      </Typography.Paragraph>
      {error && <Alert type="error" message={error} showIcon role="alert" style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('账号', 'Login name')} name="loginName"
          rules={[{ required: true, message: t('请输入账号', 'Enter your login name') }]}>
          <Input autoComplete="username" size="large" autoFocus />
        </Form.Item>
        <Form.Item label={t('密码', 'Password')} name="password"
          rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('登录', 'Sign in')}
        </Button>
      </Form>
    </Card>
  );
}
