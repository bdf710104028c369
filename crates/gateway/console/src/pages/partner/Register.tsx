// 单位注册: a university, company or social organisation registers itself and its first admin,
// without signing in (#/register). It can do nothing in a community until a district or a
// community approves a partnership it asks for.
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { OrganisationKind } from '../../gql/graphql';
import { useApi } from '../../lib/api';
import { rules, showApiError } from '../../lib/forms';
import { ENUMS, useT } from '../../lib/i18n';
import { useGo } from '../../lib/nav';
import type { Session } from '../../lib/session';

const REGISTER = graphql(`mutation PartnerRegister($a: CreateAccountInput!, $o: RegisterOrganisationInput!) {
  registerOrganisation(admin: $a, organisation: $o) { id name } }`);
const LOGIN = graphql(`mutation PartnerRegisterLogin($l: String!, $p: String!) {
  login(loginName: $l, password: $p) { token expiresAt account { id displayName } } }`);

interface Values {
  name: string; kind: OrganisationKind; contact: string; description?: string;
  loginName: string; displayName: string; password: string; phone?: string;
}

export default function Register({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const api = useApi();
  const t = useT();
  const go = useGo();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { registerOrganisation: o } = await api.request(REGISTER, {
        a: { loginName: v.loginName.trim(), displayName: v.displayName.trim(), password: v.password, phone: v.phone?.trim() || null },
        o: { name: v.name.trim(), kind: v.kind, contact: v.contact.trim(), description: v.description?.trim() ?? '' },
      });
      const { login } = await api.request(LOGIN, { l: v.loginName.trim(), p: v.password });
      onSignedIn(login);
      go('p', o.id);
    } catch (e) {
      const other = showApiError(form, e, { loginName: 'loginName', name: 'name', password: 'password', phone: 'phone' });
      if (other) setError(other.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 560, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('共建单位注册', 'Register a partner organisation')}</Typography.Title>
      <Typography.Paragraph>{t('高校、企业、社会组织等注册后，可向社区或区县申请共建；获批后即可组建团队、预约场地、参与时间银行。',
        'Universities, companies and social organisations register, then ask a community or district to partner; once approved they form teams, book rooms and join the time bank.')}</Typography.Paragraph>
      {error && <Alert type="error" message={error} showIcon role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ kind: 'UNIVERSITY' }}>
        <Form.Item name="name" label={t('单位名称', 'Organisation')} rules={[{ required: true, message: t('请填写单位名称', 'Enter the name') }]}><Input /></Form.Item>
        <Form.Item name="kind" label={t('单位类型', 'Kind')}>
          <Select options={Object.entries(ENUMS.OrganisationKind).map(([k, [zh, en]]) => ({ value: k, label: t(zh, en) }))} />
        </Form.Item>
        <Form.Item name="contact" label={t('联系方式', 'Contact')} rules={[{ required: true, message: t('请填写联系方式', 'Enter a contact') }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('简介（可不填）', 'About (optional)')}><Input.TextArea rows={2} /></Form.Item>
        <Typography.Title level={2} style={{ fontSize: 18 }}>{t('单位管理员账号', "The organisation's first admin")}</Typography.Title>
        <Form.Item name="loginName" label={t('登录账号', 'Login name')}
          rules={[{ required: true, pattern: rules.loginName, message: t('3–64 位字母、数字或 _.@-', '3–64 letters, digits or _.@-') }]}><Input autoComplete="username" /></Form.Item>
        <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true, message: t('请填写姓名', 'Enter the name') }]}><Input /></Form.Item>
        <Form.Item name="phone" label={t('手机号（可不填）', 'Phone (optional)')}><Input inputMode="tel" /></Form.Item>
        <Form.Item name="password" label={t('密码（至少 8 位）', 'Password (8 or more characters)')}
          rules={[{ required: true, min: rules.passwordMin, message: t('密码至少 8 位', 'At least 8 characters') }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('注册', 'Register')}</Button>
      </Form>
    </Card>
  );
}
