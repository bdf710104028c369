import { Button, Dialog } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import Choices from '../../mobile/Choices';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { graphql } from '../../gql';

/** Someone the account may act for: themself, a child in their care, a family member who agreed. */
export interface Learner {
  id: string;
  name: string;
  inCare: boolean;
}

const REGISTER_CHILD = graphql(`mutation ActingForRegisterChild($n: String!, $b: Date!) { registerChild(name: $n, birthDate: $b) { id name } }`);

/**
 * 我在为谁办理: myself, a child in my care, or a family member who agreed to my help. On
 * most pages, so it stays light: plain inputs, no form library.
 */
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
  const [name, setName] = useState('');
  const [birth, setBirth] = useState('');
  const others = learners.filter((l) => l.inCare);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !birth) return;
    try {
      await api.request(REGISTER_CHILD, { n: name.trim(), b: birth }, slug);
      setAdding(false);
      setName('');
      setBirth('');
      onChildAdded();
    } catch (err) {
      notify.error((err as Error).message);
    }
  };
  const choices = [{ id: null, name: t('我自己', 'Myself') }, ...others.map((c) => ({ id: c.id as string | null, name: c.name }))];
  return (
    <section className="m-card" aria-labelledby="acting-for-label">
      <Choices id="acting-for-label" label={t('我在为谁办理：', 'Acting for:')} value={value} onChange={onChange}
        options={choices.map((c) => ({ value: c.id, label: c.name }))} />
      <Button size="middle" onClick={() => setAdding(true)}>{t('添加孩子', 'Add a child')}</Button>
      <Dialog visible={adding} title={t('添加我照顾的孩子', 'Add a child in my care')} onClose={() => setAdding(false)} closeOnMaskClick
        content={adding && (
          <form onSubmit={add}>
            <label className="m-field"><span>{t('孩子姓名', "Child's name")}</span>
              <input id="name" required value={name} onChange={(e) => setName(e.target.value)} /></label>
            <label className="m-field"><span>{t('出生日期', 'Date of birth')}</span>
              <input id="birthDate" type="date" required value={birth} onChange={(e) => setBirth(e.target.value)} /></label>
            <Button block type="submit" color="primary" size="large">{t('添加', 'Add')}</Button>
            <Button block size="large" onClick={() => setAdding(false)}>{t('取消', 'Cancel')}</Button>
          </form>
        )} />
    </section>
  );
}
