import { Button, Input } from 'antd-mobile';
import { useState } from 'react';
import Choices from '../../mobile/Choices';
import NumberStep from '../../mobile/NumberStep';
import { idempotencyKey, useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { usePhone } from '../../frames/Phone';
import { graphql } from '../../gql';
import { FAMILY } from './Family';

const SEND = graphql(`mutation ResidentSendPoints($k: String!, $to: ID!, $n: Int!, $m: String) { sendPoints(key: $k, toPersonId: $to, amount: $n, memo: $m) { id amount } }`);

/**
 * 积分流转: pass points to a family member (one linked by family help, either way) within the
 * community's limits, which the API states when a gift goes past them.
 */
export default function SendPoints({ slug, balance, onSent }: { slug: string; balance: number; onSent: () => void }) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const { accountId } = usePhone();
  const [data] = useGql(FAMILY, {}, slug);
  const [to, setTo] = useState<string | null>(null);
  const [amount, setAmount] = useState(10);
  const [memo, setMemo] = useState('');
  // Each confirmed gift its own key: a double tap or a retry sends once.
  const [key, setKey] = useState(idempotencyKey);
  const family = (data?.myFamilyHelp ?? []).filter((f) => f.status === 'GRANTED').flatMap((f) => {
    const mine = f.helperAccountId === accountId;
    const id = mine ? f.learnerAccountId : f.helperAccountId;
    return id ? [{ id, name: mine ? f.learnerName : f.helperName }] : [];
  });
  if (!family.length) return null;
  const send = async () => {
    if (!to) return;
    try {
      await api.request(SEND, { k: key, to, n: amount, m: memo.trim() || null }, slug);
      notify.success(t(`已转给${family.find((f) => f.id === to)?.name} ${amount} 积分`, `${amount} points sent`));
      setKey(idempotencyKey());
      setMemo('');
      onSent();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  return (
    <section className="m-card" aria-labelledby="send-points">
      <h2 id="send-points">{t('转积分给家人', 'Pass points to family')}</h2>
      <Choices id="send-to" label={t('转给', 'To')} value={to} onChange={setTo}
        options={family.map((f) => ({ value: f.id as string | null, label: f.name }))} />
      <NumberStep id="send-amount" label={t('积分', 'Points')} value={amount} min={1} max={Math.max(1, balance)} step={5} onChange={setAmount} />
      <label className="m-field"><span>{t('留言（可不填）', 'Note (optional)')}</span>
        <Input id="send-memo" value={memo} onChange={setMemo} /></label>
      <Button block color="primary" disabled={!to || amount > balance} onClick={send}>{t('转出', 'Send')}</Button>
    </section>
  );
}
