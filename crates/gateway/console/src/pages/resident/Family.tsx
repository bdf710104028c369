import { Button, Form, Input } from 'antd-mobile';
import { formatDateTime, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { useGql } from '../../lib/query';
import { usePhone } from '../../frames/Phone';
import { graphql } from '../../gql';

export const FAMILY = graphql(`query ResidentFamily { myFamilyHelp { id learnerId learnerName learnerAccountId helperAccountId helperName
  relation status requestedAt inPerson answeredAt } }`);
const ASK = graphql(`mutation ResidentAskFamily($n: String!, $p: String!, $r: String!) { askFamilyHelp(name: $n, phone: $p, relation: $r) { id status } }`);
const ANSWER = graphql(`mutation ResidentAnswerFamily($f: ID!, $a: Boolean!) { answerFamilyHelp(familyHelpId: $f, agree: $a) { id status } }`);
const END = graphql(`mutation ResidentEndFamily($f: ID!) { endFamilyHelp(familyHelpId: $f) { id status } }`);

/**
 * 家人代办: ask to act for an elderly parent (named as the community's registry holds them),
 * answer a family member who asks to act for me, end either at any time. Children are added
 * where one picks whom one acts for.
 */
export default function Family({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const notify = useNotify();
  const { accountId } = usePhone();
  const [form] = Form.useForm();
  const [data] = useGql(FAMILY, {}, slug);
  const rows = data?.myFamilyHelp ?? [];
  const helping = rows.filter((f) => f.helperAccountId === accountId);
  const helpers = rows.filter((f) => f.helperAccountId !== accountId);
  // A write makes the page's queries (and whom one acts for) read again (lib/api.ts).
  const run = useRun();
  const ask = (v: { name: string; phone: string; relation: string }) => run(
    () => api.request(ASK, { n: v.name.trim(), p: v.phone.trim(), r: v.relation.trim() }, slug),
    t('已发出申请，家人同意后即可代办', 'Asked: once they agree you can act for them'),
    () => form.resetFields(),
  );
  const end = (id: string, name: string) => notify.confirm({
    title: t(`结束与${name}的家人代办？`, `End family help with ${name}?`),
    okText: t('结束', 'End it'),
    cancelText: t('不结束', 'Keep it'),
    onOk: () => run(() => api.request(END, { f: id }, slug), t('已结束', 'Ended')),
  });
  const open = (s: string) => s === 'REQUESTED' || s === 'GRANTED';
  return (
    <>
      <h2>{t('家人代办', 'Family help')}</h2>
      <p className="m-muted">{t('家人同意后，您可以帮他（她）报名课程、签到、查看课表。每次代办都会记录是您办理的，家人可以随时取消。',
        'Once a family member agrees you can enrol them, check them in and read their timetable. Each act is recorded as yours; they can end it at any time.')}</p>
      {helpers.length > 0 && (
        <section aria-labelledby="my-helpers">
          <h2 id="my-helpers">{t('想帮我办理的家人', 'Family who help me')}</h2>
          {helpers.map((f) => (
            <div key={f.id} className="m-card">
              <h3>{f.helperName}（{f.relation}）</h3>
              <p><span className="m-tag">{label('FamilyHelpStatus', f.status)}</span> <span className="m-muted">{formatDateTime(f.requestedAt, lang)}</span></p>
              {f.status === 'REQUESTED' && (
                <div className="m-row">
                  <Button color="primary" onClick={() => run(() => api.request(ANSWER, { f: f.id, a: true }, slug), t('已同意', 'Agreed'))}>{t('同意', 'Agree')}</Button>
                  <Button onClick={() => run(() => api.request(ANSWER, { f: f.id, a: false }, slug), t('已拒绝', 'Declined'))}>{t('不同意', 'Decline')}</Button>
                </div>
              )}
              {f.status === 'GRANTED' && <Button block onClick={() => end(f.id, f.helperName)}>{t('取消代办', 'End it')}</Button>}
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="i-help">
        <h2 id="i-help">{t('我帮家人办理', 'I help family')}</h2>
        {data && helping.length === 0 && <p className="m-muted">{t('还没有', 'Nobody yet')}</p>}
        {helping.map((f) => (
          <div key={f.id} className="m-card">
            <h3>{f.learnerName}（{f.relation}）</h3>
            <p><span className="m-tag">{label('FamilyHelpStatus', f.status)}</span>
              {f.status === 'GRANTED' && f.inPerson && <span className="m-muted">{t(' · 当面同意', ' · agreed in person')}</span>}</p>
            {f.status === 'REQUESTED' && <p className="m-muted">{t('等待家人在手机上同意，或请家人到社区（或网格员上门时）当面同意。',
              'Waiting: they agree on their phone, or in person at the community office or to their grid worker.')}</p>}
            {open(f.status) && <Button block onClick={() => end(f.id, f.learnerName)}>{f.status === 'GRANTED' ? t('结束代办', 'End it') : t('撤回申请', 'Withdraw')}</Button>}
          </div>
        ))}
      </section>
      <section className="m-card" aria-labelledby="family-ask">
        <h2 id="family-ask">{t('申请为家人代办', 'Ask to help a family member')}</h2>
        <Form form={form} layout="vertical" onFinish={ask} requiredMarkStyle="none"
          footer={<Button block type="submit" color="primary" size="large">{t('发出申请', 'Ask')}</Button>}>
          <Form.Item name="name" label={t('家人姓名', "Their name")} rules={[{ required: true, message: t('请填写姓名', 'Enter the name') }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="phone" label={t('家人手机号（社区登记的）', 'Their phone number (as the community has it)')}
            rules={[{ required: true, message: t('请填写手机号', 'Enter the phone number') }]}><Input inputMode="tel" autoComplete="off" /></Form.Item>
          <Form.Item name="relation" label={t('您是他（她）的', 'You are their')} rules={[{ required: true, message: t('请填写关系，如：儿子', 'Say how, e.g. son') }]}>
            <Input placeholder={t('如：儿子、女儿', 'e.g. son, daughter')} /></Form.Item>
        </Form>
      </section>
    </>
  );
}
