import { Button, Form, Input, TextArea } from 'antd-mobile';
import { useState } from 'react';
import Choices from '../../mobile/Choices';
import { formatDateTime, useApi } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import { DEMAND_CATEGORIES } from '../../lib/demands';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const DEMANDS = graphql(`query MyDemandsDemands { demands { id title status resolution submittedAt } }`);
const SUBMIT = graphql(`mutation MyDemandsSubmit($i: DemandInputGql!) { submitDemand(input: $i) { id } }`);
const PHOTO = graphql(`mutation MyDemandsPhoto($d: ID!, $file: Upload!) { uploadDemandPhoto(demandId: $d, file: $file) { id } }`);
const PHOTOS = graphql(`query MyDemandsPhotos($d: ID!) { demandPhotos(demandId: $d) { id thumbUrl url } }`);
const ANSWER = graphql(`mutation MyDemandsAnswer($d: ID!, $a: Boolean!, $r: String) { answerDemand(demandId: $d, agree: $a, reason: $r) { id status } }`);

/** 反映诉求: report a problem, follow it, confirm the answer or say it is not solved. */
export default function MyDemands({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const notify = useNotify();
  const [form] = Form.useForm();
  const [category, setCategory] = useState('环境卫生');
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [data, load] = useGql(DEMANDS, {}, slug);
  const list = data?.demands ?? [];
  const submit = async (v: { title: string; detail?: string }) => {
    try {
      const { submitDemand } = await api.request(SUBMIT, { i: { title: v.title.trim(), category, detail: v.detail?.trim() ?? '' } }, slug);
      if (photo) await api.upload(PHOTO, { d: submitDemand.id }, 'file', photo, slug);
      notify.success(t('已提交，社区会尽快答复', 'Sent; the community will answer soon'));
      form.resetFields();
      setPhoto(null);
      load();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  const answer = (id: string, agree: boolean, why: string | null) => api.request(ANSWER, { d: id, a: agree, r: why }, slug)
    .then(() => { setReopening(null); setReason(''); load(); }, (e) => notify.error(e.message));
  return (
    <>
      <section className="m-card" aria-labelledby="demand-new">
        <h2 id="demand-new">{t('反映问题', 'Report a problem')}</h2>
        <Form form={form} layout="vertical" onFinish={submit} requiredMarkStyle="none"
          footer={<Button block type="submit" color="primary" size="large">{t('提交', 'Send')}</Button>}>
          <Form.Item name="title" label={t('遇到了什么问题', 'What is the problem')} rules={[{ required: true, message: t('请说一说问题', 'Say what the problem is') }]}>
            <Input />
          </Form.Item>
          <Choices id="demand-kind" label={t('类别', 'Kind')} value={category} onChange={setCategory}
            options={DEMAND_CATEGORIES.map(([zh, en]) => ({ value: zh, label: t(zh, en) }))} />
          <Form.Item name="detail" label={t('详细说明（可不填）', 'Details (optional)')}><TextArea rows={3} /></Form.Item>
          {/* The phone's camera opens at once (capture); a file from the album works too. */}
          <label className="m-field m-photo-pick">
            <span>{photo ? t(`已选照片：${photo.name}`, `Photo: ${photo.name}`) : t('拍照（可不拍）', 'Take a photo (optional)')}</span>
            <input id="demand-photo" type="file" accept="image/jpeg,image/png,image/webp" capture="environment"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
          </label>
        </Form>
      </section>
      <h2>{t('我反映的问题', 'My reports')}</h2>
      {data && list.length === 0 && <p className="m-muted">{t('还没有反映过问题', 'Nothing reported yet')}</p>}
      {list.map((d) => (
        <div key={d.id} className="m-card">
          <h3>{d.title}</h3>
          <p><span className="m-tag">{label('DemandStatus', d.status)}</span> <span className="m-muted">{formatDateTime(d.submittedAt, lang)}</span></p>
          <DemandPhotos slug={slug} demandId={d.id} title={d.title} />
          {d.resolution && <p>{t('答复：', 'Answer: ')}{d.resolution}</p>}
          {d.status === 'RESOLVED' && reopening !== d.id && (
            <div className="m-row">
              <Button color="primary" onClick={() => answer(d.id, true, null)}>{t('已解决', 'Solved')}</Button>
              <Button onClick={() => setReopening(d.id)}>{t('没解决', 'Not solved')}</Button>
            </div>
          )}
          {reopening === d.id && (
            <>
              <label className="m-field"><span>{t('还有什么问题？', 'What is still wrong?')}</span>
                <textarea id="reopen-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
              <div className="m-row">
                <Button color="primary" disabled={!reason.trim()} onClick={() => answer(d.id, false, reason.trim())}>{t('重新反映', 'Report again')}</Button>
                <Button onClick={() => setReopening(null)}>{t('取消', 'Cancel')}</Button>
              </div>
            </>
          )}
        </div>
      ))}
    </>
  );
}

/** A demand's photos, small; each opens full size. */
function DemandPhotos({ slug, demandId, title }: { slug: string; demandId: string; title: string }) {
  const t = useT();
  const [data] = useGql(PHOTOS, { d: demandId }, slug);
  if (!data?.demandPhotos.length) return null;
  return (
    <div className="m-photos">
      {data.demandPhotos.map((p, i) => (
        <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
          <img src={p.thumbUrl} alt={t(`“${title}”的照片 ${i + 1}`, `Photo ${i + 1} of “${title}”`)} />
        </a>
      ))}
    </div>
  );
}
