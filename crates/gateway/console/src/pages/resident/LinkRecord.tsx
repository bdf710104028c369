import { Button, Input } from 'antd-mobile';
import { useState } from 'react';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { graphql } from '../../gql';

const LINK = graphql(`mutation ResidentLinkRecord($n: String!, $p: String) { linkMyRecord(name: $n, phone: $p) { status learner { name } } }`);

/**
 * 关联居民档案: the record a grid worker or staff entered for me (入户登记) becomes mine — at
 * once when its number is my account's, else after staff check in person.
 */
export default function LinkRecord({ slug, onLinked }: { slug: string; onLinked: () => void }) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const link = async () => {
    try {
      const { linkMyRecord: r } = await api.request(LINK, { n: name.trim(), p: phone.trim() || null }, slug);
      setSaid(r.status === 'LINKED' ? t('已关联您的居民档案', 'Your record is linked')
        : t('已提交，社区工作人员核实后关联', 'Sent: staff will check and link it'));
      onLinked();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  return (
    <section className="m-card">
      <h2>{t('关联我的居民档案', 'Link my resident record')}</h2>
      <p className="m-muted">{t('网格员或社区登记过您的信息时，关联后报名、积分都记在同一份档案上。', 'When a grid worker or staff entered you, linking keeps your enrolments and points on one record.')}</p>
      {said && <div className="m-alert ok" role="status">{said}</div>}
      <label className="m-field"><span>{t('登记的姓名', 'Name as entered')}</span><Input id="record-name" value={name} onChange={setName} /></label>
      <label className="m-field"><span>{t('登记的手机号（是本账号的号码可不填）', 'Phone number as entered (optional if it is this account’s)')}</span>
        <Input id="record-phone" inputMode="tel" value={phone} onChange={setPhone} /></label>
      <Button block color="primary" disabled={!name.trim()} onClick={link}>{t('关联', 'Link')}</Button>
    </section>
  );
}
