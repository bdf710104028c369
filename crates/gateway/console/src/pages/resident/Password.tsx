import { Button, Form, Input } from 'antd-mobile';
import { useApi } from '../../lib/api';
import { showApiError } from '../../lib/forms';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { usePhone } from '../../frames/Phone';
import { graphql } from '../../gql';

const CHANGE = graphql(`mutation ResidentChangePassword($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token expiresAt account { id displayName } } }`);

/** 修改密码: the old one, the new one twice; other phones and computers are signed out. */
export default function Password() {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const { renew } = usePhone();
  const [form] = Form.useForm();
  const change = async (v: { old: string; next: string; again: string }) => {
    if (v.next !== v.again) {
      form.setFields([{ name: 'again', errors: [t('两次输入的新密码不一样', 'The two new passwords differ')] }]);
      return;
    }
    try {
      const { changePassword } = await api.request(CHANGE, { o: v.old, n: v.next });
      renew?.(changePassword);
      notify.success(t('密码已修改，其他设备需要重新登录', 'Password changed; other devices must sign in again'));
      form.resetFields();
    } catch (e) {
      const other = showApiError(form, e, { password: 'next', UNAUTHENTICATED: 'old', FORBIDDEN: 'old' });
      if (other) notify.error(other.message);
    }
  };
  return (
    <section className="m-card">
      <h2>{t('修改密码', 'Change password')}</h2>
      <Form form={form} layout="vertical" onFinish={change} requiredMarkStyle="none"
        footer={<Button block type="submit" color="primary" size="large">{t('确认修改', 'Change it')}</Button>}>
        <Form.Item name="old" label={t('原密码', 'Current password')} rules={[{ required: true, message: t('请输入原密码', 'Enter your password') }]}>
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t('新密码（至少 8 位）', 'New password (8 or more characters)')}
          rules={[{ required: true, min: 8, message: t('密码至少 8 位', 'At least 8 characters') }]}>
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="again" label={t('再输一次新密码', 'New password again')} rules={[{ required: true, message: t('请再输一次', 'Enter it again') }]}>
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </section>
  );
}
