import { Button, Dialog, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { graphql } from '../../gql';

/** Someone the account may act for: themself or a child in their care. */
export interface Learner {
  id: string;
  name: string;
  inCare: boolean;
}

const REGISTER_CHILD = graphql(`mutation ActingForRegisterChild($n: String!, $b: Date!) { registerChild(name: $n, birthDate: $b) { id name } }`);

/** 我在为谁办理: myself, or a child in my care (a guardian acting for a child). */
export default function ActingFor({ slug, learners, value, onChange, onChildAdded }: {
  slug: string;
  learners: Learner[];
  value: string | null;
  onChange: (v: string | null) => void;
  onChildAdded: () => void;
}) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  const children = learners.filter((l) => l.inCare);
  const add = async ({ name, birthDate }: { name: string; birthDate: string }) => {
    try {
      await api.request(REGISTER_CHILD, { n: name, b: birthDate }, slug);
      setAdding(false);
      onChildAdded();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const choices = [{ id: null, name: t('我自己', 'Myself') }, ...children.map((c) => ({ id: c.id as string | null, name: c.name }))];
  return (
    <section className="m-card" aria-labelledby="acting-for-label">
      <div id="acting-for-label">{t('我在为谁办理：', 'Acting for:')}</div>
      <div className="m-choices" role="radiogroup" aria-labelledby="acting-for-label">
        {choices.map((c) => (
          <button key={c.id ?? 'me'} type="button" role="radio" className="m-choice" aria-checked={value === c.id}
            onClick={() => onChange(c.id)}>{c.name}</button>
        ))}
      </div>
      <Button size="middle" onClick={() => setAdding(true)}>{t('添加孩子', 'Add a child')}</Button>
      <Dialog visible={adding} title={t('添加我照顾的孩子', 'Add a child in my care')} onClose={() => setAdding(false)} closeOnMaskClick
        content={adding && (
          <Form layout="vertical" onFinish={add} requiredMarkStyle="none"
            footer={<><Button block type="submit" color="primary" size="large">{t('添加', 'Add')}</Button>
              <Button block size="large" onClick={() => setAdding(false)}>{t('取消', 'Cancel')}</Button></>}>
            <Form.Item name="name" label={t('孩子姓名', "Child's name")} rules={[{ required: true, message: t('请填写姓名', 'Enter the name') }]}><Input /></Form.Item>
            <Form.Item name="birthDate" label={t('出生日期', 'Date of birth')} rules={[{ required: true, message: t('请填写出生日期', 'Enter the date of birth') }]}>
              <input type="date" />
            </Form.Item>
          </Form>
        )} />
    </section>
  );
}
