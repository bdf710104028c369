// The residents of the worker's grids: found by part of a name or a phone number (the network
// is needed to search), each with a visit and 代办 a tap away; and a household member
// registered (kept on the phone when offline, like a visit).
import { Button, Form } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import type { GridProps } from '../../shells/Grid';
import { sayKept } from './keep';
import PersonFields, { REGISTER, residentInput, type Person } from './PersonFields';

const FIND = graphql(`query GridResidents($name: String, $phone: String, $grid: ID) { residents(name: $name, phone: $phone, courtyardId: $grid, first: 50) {
  nodes { id name age household courtyardId phoneMasked } } }`);

export default function Residents({ slug, grids, grid, outbox }: GridProps) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const phone = /^\d{11}$/.test(query) ? query : null;
  // Without a search: the grid's residents, door by door — the visit list (走访名单).
  const [data] = useGql(FIND, { name: phone ? null : query || null, phone, grid: query ? null : grid ?? null }, slug, { keepPrevious: true });
  const found = data?.residents.nodes ?? [];
  const gridName = (id?: string | null) => grids.find((g) => g.id === id)?.name ?? '';
  const base = `#/g/${encodeURIComponent(slug)}`;
  const register = async (v: Person) => {
    const outcome = await outbox.keep('resident', `${v.household.trim()} ${v.name.trim()}`,
      [{ query: REGISTER.toString(), variables: { i: residentInput(v, grid) } }], { phone: v.phone?.trim() || undefined });
    sayKept(notify, t, outcome, t('已登记', 'Registered'));
    form.resetFields();
  };
  return (
    <>
      <section className="m-card" aria-labelledby="residents-find">
        <h2 id="residents-find">{t('居民与走访名单', 'Residents and the visit list')}</h2>
        <form className="m-row" role="search" onSubmit={(e) => { e.preventDefault(); setQuery(typed.trim()); }}>
          <label className="m-field" style={{ flex: '1 1 12em' }}>
            <span>{t('姓名或手机号', 'Name or mobile')}</span>
            <input id="residents-search" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </label>
          <Button type="submit" color="primary">{t('查找', 'Find')}</Button>
        </form>
        {data && found.length === 0 && <p className="m-muted">{query ? t('没有找到', 'Nobody found') : t('网格里还没有登记居民', 'Nobody registered in the grid yet')}</p>}
        {!query && found.length > 0 && <p className="m-muted">{t(`${gridName(grid)}：按门牌排列，共 ${found.length} 人`, `${gridName(grid)}: ${found.length} by door`)}</p>}
        {[...found].sort((a, b) => (query ? 0 : (a.household ?? '').localeCompare(b.household ?? '', 'zh-CN', { numeric: true }))).map((r) => (
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
          <PersonFields />
        </Form>
      </section>
    </>
  );
}
