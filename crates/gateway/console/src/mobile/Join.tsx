// A community's invitation (#/join/<slug>/<code>, the link and QR code staff print): a newcomer
// signs up with name, phone number, the code sent to the phone and a password; someone signed
// in joins with one button. Large type and large touch areas: many newcomers are over 70.
import { Button, Form, Input } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import type { JoinInvitedQuery } from '../gql/graphql';
import { useApi } from '../lib/api';
import { showApiError } from '../lib/forms';
import { useT } from '../lib/i18n';
import { useGo } from '../lib/nav';
import { ownPhone, type Session } from '../lib/session';

const INVITED = graphql(`query JoinInvited($c: String!, $k: String!) {
  invitedCommunity(community: $c, code: $k) { slug name districtName confirmByStaff } }`);
const SEND_CODE = graphql(`mutation JoinSendCode($p: String!) { requestPhoneCode(phone: $p) }`);
const SIGN_UP = graphql(`mutation JoinSignUp($i: SignUpInput!) { signUp(input: $i) {
  status login { token expiresAt account { id displayName } } learner { name } } }`);
const JOIN = graphql(`mutation JoinJoin($c: String!, $k: String!) { joinCommunity(community: $c, code: $k) { status } }`);

// `then`: where the invitation came from and leads back to — a survey's page passes
// [surveyId, channel], and the newcomer lands on that survey.
export default function Join({ slug, code, then = [], session, onSignedIn }: {
  slug: string;
  code: string;
  then?: string[];
  session: Session | null;
  onSignedIn: (s: Session) => void;
}) {
  const api = useApi();
  const t = useT();
  const go = useGo();
  const [form] = Form.useForm();
  const [invited, setInvited] = useState<JoinInvitedQuery['invitedCommunity'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    api.request(INVITED, { c: slug ?? '', k: code ?? '' })
      .then((d) => setInvited(d.invitedCommunity), (e) => setError(e.message));
  }, [slug, code]); // eslint-disable-line react-hooks/exhaustive-deps

  const done = (status: string) => {
    if (status === 'PENDING') setWaiting(true);
    else if (then.length) go('r', slug, 'surveys', ...then);
    else go('r', slug);
  };
  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      // A wrong code or a number with an account shows under its field; anything else above.
      const other = showApiError(form, e, { phone: 'phone', verificationCode: 'code', password: 'password', name: 'displayName' });
      if (other) setError(other.message);
    } finally {
      setBusy(false);
    }
  };
  const sendCode = () => attempt(async () => {
    const phone = form.getFieldValue('phone')?.trim();
    if (!phone) {
      setError(t('请先填写手机号', 'Enter your phone number first'));
      return;
    }
    await api.request(SEND_CODE, { p: phone });
    setNotice(t('验证码已发送，请查看手机短信', 'The code was sent to your phone'));
  });
  const signUp = (v: { displayName: string; phone: string; code: string; password: string }) => attempt(async () => {
    const { signUp: r } = await api.request(SIGN_UP, {
      i: { community: slug, invitation: code, displayName: v.displayName.trim(), phone: v.phone.trim(), password: v.password, code: v.code.trim() },
    });
    onSignedIn({ ...r.login, remember: ownPhone() });
    done(r.status);
  });
  const join = () => attempt(async () => {
    const { joinCommunity: r } = await api.request(JOIN, { c: slug, k: code });
    // The join button shows only to someone signed in.
    onSignedIn({ ...session!, joined: Date.now() });
    done(r.status);
  });

  return (
    <div className="m-card join">
      <h1>{invited ? t(`加入${invited.name}`, `Join ${invited.name}`) : t('加入社区', 'Join a community')}</h1>
      {invited && (
        <p>
          {invited.districtName} · {invited.name}
          {invited.confirmByStaff && t('（注册后由社区工作人员审核）', ' (staff confirm newcomers)')}
        </p>
      )}
      {error && <div className="m-alert error" role="alert">{error}</div>}
      {notice && !error && <div className="m-alert ok" role="status">{notice}</div>}
      {waiting && (
        <div className="m-alert info" role="status">
          {t('已提交，社区工作人员确认后即可使用', 'Sent: you can start once the community’s staff confirm you')}
        </div>
      )}
      {invited && !waiting && session && (
        <Button block color="primary" size="large" loading={busy} onClick={join}>
          {t(`加入${invited.name}`, `Join ${invited.name}`)}
        </Button>
      )}
      {invited && !waiting && !session && (
        <Form form={form} layout="vertical" onFinish={signUp} requiredMarkStyle="none"
          footer={<Button block type="submit" color="primary" size="large" loading={busy}>{t('注册并加入', 'Sign up and join')}</Button>}>
          <Form.Item label={t('姓名', 'Name')} name="displayName"
            rules={[{ required: true, message: t('请填写姓名', 'Enter your name') }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item label={t('手机号', 'Phone number')} name="phone"
            rules={[{ required: true, message: t('请填写手机号', 'Enter your phone number') }]}>
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item label={t('短信验证码', 'Code from the text message')} name="code"
            rules={[{ required: true, message: t('请填写验证码', 'Enter the code') }]}
            extra={<Button size="middle" onClick={sendCode} disabled={busy}>{t('获取验证码', 'Send me a code')}</Button>}>
            <Input autoComplete="one-time-code" inputMode="numeric" />
          </Form.Item>
          <Form.Item label={t('设置密码（至少 8 位）', 'Choose a password (8 or more characters)')} name="password"
            rules={[{ required: true, min: 8, message: t('密码至少 8 位', 'At least 8 characters') }]}>
            <Input type="password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </div>
  );
}
