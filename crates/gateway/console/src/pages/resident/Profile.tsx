import { Button, Form, Input } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import { useApi } from '../../lib/api';
import { showApiError } from '../../lib/forms';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { usePhone } from '../../frames/Phone';
import { useGql } from '../../lib/query';

const UPDATE = graphql(`mutation ResidentUpdateProfile($n: String!) { updateMyProfile(displayName: $n) { id displayName } }`);
const MINE = graphql(`query ResidentProfileRecord { myLearners { id inCare birthDate } }`);
const BIRTH = graphql(`mutation ResidentBirthDate($b: Date!) { setLearnerBirthDate(birthDate: $b) { id birthDate } }`);

/**
 * 我的资料: the name Linli shows for the resident, corrected by themselves (PIPL art. 46), and
 * their birth date recorded once (courses check ages by it). Their registry record is then
 * corrected by staff, who are told here.
 */
export default function Profile({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const { who } = usePhone();
  const [form] = Form.useForm();
  const [mine, reload] = useGql(MINE, {}, slug);
  const own = mine?.myLearners.find((l) => !l.inCare);
  const [birth, setBirth] = useState('');
  const recordBirth = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.request(BIRTH, { b: birth }, slug);
      notify.success(t('出生日期已记录', 'Birth date recorded'));
      reload();
    } catch (err) {
      notify.error((err as Error).message);
    }
  };
  const save = async (v: { name: string }) => {
    try {
      const { updateMyProfile } = await api.request(UPDATE, { n: v.name.trim() });
      notify.success(t(`已改为「${updateMyProfile.displayName}」`, `Now shown as ${updateMyProfile.displayName}`));
    } catch (e) {
      const other = showApiError(form, e, { displayName: 'name', BAD_USER_INPUT: 'name' });
      if (other) notify.error(other.message);
    }
  };
  return (
    <section className="m-card">
      <h2>{t('我的资料', 'My details')}</h2>
      <Form form={form} layout="vertical" onFinish={save} requiredMarkStyle="none" initialValues={{ name: who }}
        footer={<Button block type="submit" color="primary" size="large">{t('保存', 'Save')}</Button>}>
        <Form.Item name="name" label={t('我的名字', 'My name')}
          rules={[{ required: true, max: 50, message: t('名字为 1 到 50 个字', 'A name is 1 to 50 characters') }]}>
          <Input autoComplete="name" />
        </Form.Item>
      </Form>
      {mine && !own?.birthDate && (
        <form onSubmit={recordBirth}>
          <label className="m-field"><span>{t('出生日期（只需填写一次，课程按年龄报名）', 'Birth date (once; courses check ages by it)')}</span>
            <input id="birthDate" type="date" required max={new Date().toISOString().slice(0, 10)} value={birth}
              onChange={(e) => setBirth(e.target.value)} /></label>
          <Button block type="submit" size="large">{t('记录出生日期', 'Record my birth date')}</Button>
        </form>
      )}
      {own?.birthDate && <p>{t(`出生日期：${own.birthDate}`, `Born: ${own.birthDate}`)}</p>}
      <p>{t('出生日期、住址、手机号等档案信息有误，请到社区服务窗口或联系网格员更正。',
        'If your birth date, address or phone in the community record is wrong, ask at the community counter or your grid worker to correct it.')}</p>
    </section>
  );
}
