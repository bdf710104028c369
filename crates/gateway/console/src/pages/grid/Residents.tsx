// The residents of the worker's grids: found by part of a name or a phone number (the network
// is needed to search), each with a visit and 代办 a tap away; and a household member
// registered (kept on the phone when offline, like a visit).
import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import Choices from '../../mobile/Choices';
import type { GridProps } from '../../shells/Grid';
import { sayKept } from './keep';
import { REGISTER } from './Visit';

const FIND = graphql(`query GridResidents($name: String, $phone: String) { residents(name: $name, phone: $phone, first: 30) {
  nodes { id name age household courtyardId phoneMasked } } }`);

export default function Residents({ slug, grids, outbox }: GridProps) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [grid, setGrid] = useState('');
  const phone = /^\d{11}$/.test(query) ? query : null;
  const [data] = useGql(FIND, { name: phone ? null : query || null, phone }, slug, { keepPrevious: true });
  const found = data?.residents.nodes ?? [];
  const gridName = (id?: string | null) => grids.find((g) => g.id === id)?.name ?? '';
  const base = `#/g/${encodeURIComponent(slug)}`;
  const courtyard = grid || grids[0]?.id;
  const register = async (v: { name: string; household: string; birthDate?: string; phone?: string }) => {
    const outcome = await outbox.keep('resident', `${v.household.trim()} ${v.name.trim()}`, [{ query: REGISTER.toString(), variables: { i: {
      name: v.name.trim(), household: v.household.trim(), courtyardId: courtyard ?? null, birthDate: v.birthDate || null, phone: v.phone?.trim() || null,
    } } }], { phone: v.phone?.trim() || undefined });
    sayKept(notify, t, outcome, t('已登记', 'Registered'));
    form.resetFields();
  };
  return (
    <>
      <section className="m-card" aria-labelledby="residents-find">
        <h2 id="residents-find">{t('找居民', 'Find a resident')}</h2>
        <form className="m-row" role="search" onSubmit={(e) => { e.preventDefault(); setQuery(typed.trim()); }}>
          <label className="m-field" style={{ flex: '1 1 12em' }}>
            <span>{t('姓名或手机号', 'Name or mobile')}</span>
            <input id="residents-search" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </label>
          <Button type="submit" color="primary">{t('查找', 'Find')}</Button>
        </form>
        {data && found.length === 0 && <p className="m-muted">{t('没有找到', 'Nobody found')}</p>}
        {found.map((r) => (
          <div key={r.id} className="m-item">
            <p><strong>{r.name}</strong> {r.age != null && t(`${r.age} 岁`, `${r.age}`)} <span className="m-muted">{[gridName(r.courtyardId), r.household, r.phoneMasked].filter(Boolean).join(' · ')}</span></p>
            <div className="m-row">
              <a className="m-choice" href={`${base}/visit/${r.id}/${encodeURIComponent(r.name)}`}>{t('走访', 'Visit')}</a>
              <a className="m-choice" href={`${base}/help/${r.id}/${encodeURIComponent(r.name)}`}>{t('代办', 'Act for them')}</a>
            </div>
          </div>
        ))}
      </section>
      <section className="m-card" aria-labelledby="residents-new">
        <h2 id="residents-new">{t('登记家庭成员', 'Register a household member')}</h2>
        <Form form={form} layout="vertical" onFinish={register} requiredMarkStyle="none"
          footer={<Button block type="submit" color="primary" size="large">{t('登记', 'Register')}</Button>}>
          {grids.length > 1 && (
            <Choices id="resident-grid" label={t('网格', 'Grid')} value={courtyard} onChange={setGrid}
              options={grids.map((g) => ({ value: g.id, label: g.name }))} />
          )}
          <Form.Item name="household" label={t('门牌', 'Door')} rules={[{ required: true, message: t('请填写门牌', 'Give the door') }]}><Input placeholder="3栋2单元501" /></Form.Item>
          <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, message: t('请填写姓名', 'Give the name') }]}><Input /></Form.Item>
          <Form.Item name="birthDate" label={t('出生日期（可不填）', 'Born (optional)')}><Input type="date" /></Form.Item>
          <Form.Item name="phone" label={t('手机号（可不填）', 'Mobile (optional)')}><Input type="tel" inputMode="numeric" /></Form.Item>
        </Form>
      </section>
    </>
  );
}
