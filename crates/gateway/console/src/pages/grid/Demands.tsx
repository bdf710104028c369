// Demands in the worker's grids: one taken in for a resident at the door (kept on the phone
// when offline), answered, and confirmed for a resident who cannot confirm themselves.
import { Button, Form, Input, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../../gql';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { DEMAND_CATEGORIES } from '../../lib/demands';
import { useGql } from '../../lib/query';
import Choices from '../../mobile/Choices';
import type { GridProps } from '../../shells/Grid';
import { sayKept } from './keep';

const DEMANDS = graphql(`query GridDemands { demands(all: true) { id title category status residentName resolution submittedAt gridId } }`);
const TAKE = graphql(`mutation GridTakeDemand($i: DemandInputGql!) { submitDemand(input: $i) { id } }`);
const RESOLVE = graphql(`mutation GridResolveDemand($d: ID!, $r: String!) { resolveDemand(demandId: $d, resolution: $r) { id status } }`);
const CONFIRM = graphql(`mutation GridConfirmDemand($d: ID!) { answerDemand(demandId: $d, agree: true) { id status } }`);
const WHO = graphql(`query GridDemandWho($n: String) { residents(name: $n, first: 10) { nodes { id name household accountId } } }`);

export default function Demands({ slug, grid, outbox }: GridProps) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const notify = useNotify();
  const run = useRun();
  const [form] = Form.useForm();
  const [category, setCategory] = useState('设施维修');
  const [answering, setAnswering] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  const [data] = useGql(DEMANDS, {}, slug);
  // The resident it is for: one with an account is picked (they follow and confirm it
  // themselves); for anyone else the worker raises it with the name written in.
  const [lookFor, setLookFor] = useState('');
  const [picked, setPicked] = useState<{ accountId: string; name: string } | null>(null);
  const [who] = useGql(WHO, { n: lookFor }, slug, { enabled: !!lookFor });
  const withAccounts = (who?.residents.nodes ?? []).filter((r) => r.accountId);
  const open = (data?.demands ?? []).filter((d) => d.status !== 'CONFIRMED');
  const take = async (v: { forName: string; title: string; detail?: string }) => {
    const name = v.forName.trim();
    const mine = picked?.name === name ? picked : null;
    const detail = mine ? v.detail?.trim() ?? '' : [t(`居民：${name}`, `Resident: ${name}`), v.detail?.trim()].filter(Boolean).join('。');
    const outcome = await outbox.keep('demand', t(`${name}：${v.title.trim()}`, `${name}: ${v.title.trim()}`), [{ query: TAKE.toString(), variables: { i: {
      title: v.title.trim(), category, detail, forPersonId: mine?.accountId ?? null, forName: mine ? name : null, gridId: grid ?? null,
    } } }]);
    sayKept(notify, t, outcome, t('诉求已登记', 'Demand taken in'));
    form.resetFields();
    setPicked(null);
    setLookFor('');
  };
  return (
    <>
      <section className="m-card" aria-labelledby="demand-take">
        <h2 id="demand-take">{t('替居民反映问题', 'Take in a demand for a resident')}</h2>
        <Form form={form} layout="vertical" onFinish={take} requiredMarkStyle="none"
          footer={<Button block type="submit" color="primary" size="large">{t('登记诉求', 'Take it in')}</Button>}>
          <Form.Item name="forName" label={t('居民姓名', "The resident's name")} rules={[{ required: true, message: t('请填写姓名', 'Give the name') }]}
            extra={<Button size="small" onClick={() => setLookFor(String(form.getFieldValue('forName') ?? '').trim())}>{t('查找有账号的居民', 'Find residents with an account')}</Button>}>
            <Input />
          </Form.Item>
          {lookFor && (
            <div className="m-row">
              {withAccounts.length === 0 && <span className="m-muted">{t('没有找到有账号的居民：将以你的名义登记，并写明居民姓名', 'No account found: it is raised in your name, with theirs written in')}</span>}
              {withAccounts.map((r) => (
                <button key={r.id} type="button" className="m-choice" aria-pressed={picked?.accountId === r.accountId}
                  onClick={() => { setPicked({ accountId: r.accountId!, name: r.name }); form.setFieldValue('forName', r.name); }}>
                  {r.name} {r.household ?? ''}
                </button>
              ))}
            </div>
          )}
          <Form.Item name="title" label={t('什么问题', 'What is the problem')} rules={[{ required: true, message: t('请说一说问题', 'Say what the problem is') }]}><Input /></Form.Item>
          <Choices id="demand-kind" label={t('类别', 'Kind')} value={category} onChange={setCategory}
            options={DEMAND_CATEGORIES.map(([zh, en]) => ({ value: zh, label: t(zh, en) }))} />
          <Form.Item name="detail" label={t('详细说明（可不填）', 'Details (optional)')}><TextArea rows={2} /></Form.Item>
        </Form>
      </section>
      <h2>{t('网格里的诉求', 'Demands in my grids')}</h2>
      {data && open.length === 0 && <p className="m-muted">{t('没有待办的诉求', 'Nothing open')}</p>}
      {open.map((d) => (
        <div key={d.id} className="m-card">
          <h3>{d.title}</h3>
          <p><span className="m-tag">{label('DemandStatus', d.status)}</span> {d.residentName} <span className="m-muted">{d.category} · {formatDateTime(d.submittedAt, lang)}</span></p>
          {d.resolution && <p>{t('答复：', 'Answer: ')}{d.resolution}</p>}
          {d.status === 'RESOLVED' ? (
            <Button color="primary" onClick={() => run(() => api.request(CONFIRM, { d: d.id }, slug), t('已替居民确认解决', 'Confirmed for the resident'))}>
              {t('居民说已解决，替他确认', 'The resident says solved: confirm for them')}
            </Button>
          ) : answering === d.id ? (
            <>
              <label className="m-field"><span>{t('答复', 'Answer')}</span><textarea id="demand-answer" rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} /></label>
              <div className="m-row">
                <Button color="primary" disabled={!answer.trim()} onClick={() => run(() => api.request(RESOLVE, { d: d.id, r: answer.trim() }, slug), t('已答复', 'Answered'), () => { setAnswering(null); setAnswer(''); })}>{t('提交答复', 'Send the answer')}</Button>
                <Button onClick={() => setAnswering(null)}>{t('取消', 'Cancel')}</Button>
              </div>
            </>
          ) : (
            <Button onClick={() => setAnswering(d.id)}>{t('答复', 'Answer')}</Button>
          )}
        </div>
      ))}
    </>
  );
}
