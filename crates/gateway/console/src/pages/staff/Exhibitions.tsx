import { App, Button, Card, Empty, Form, Image, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useApi } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { TypedDocumentString } from '../../gql/graphql';

const EXHIBITIONS = graphql(`query ExhibitionsExhibitions { exhibitions(first: 50) { edges { node { id title kind startsOn endsOn published
  works { id title author minor consentRecorded photos { id thumbUrl url } } } } } }`);
const PUBLISH = graphql(`mutation ExhibitionsPublish($id: ID!) { publishExhibition(exhibitionId: $id) }`);
const CREATE = graphql(`mutation ExhibitionsCreate($t: String!, $k: ExhibitionKind!, $s: Date!, $e: Date!) {
  createExhibition(title: $t, kind: $k, startsOn: $s, endsOn: $e) { id } }`);
const ADD_WORK = graphql(`mutation ExhibitionsAddWork($x: ID!, $l: ID!, $t: String!) { addWork(exhibitionId: $x, learnerId: $l, title: $t) { id } }`);
const FIND = graphql(`query ExhibitionsFind($n: String!) { residents(name: $n, first: 20) { edges { node { id name age } } } }`);
const KINDS = [['PAINTING', '书画', 'Painting'], ['PHOTOGRAPHY', '摄影', 'Photography'], ['HANDICRAFT', '手工', 'Handicraft']];
const UPLOAD = graphql(`mutation ExhibitionsUpload($w: ID!, $file: Upload!) { uploadWorkPhoto(workId: $w, file: $file) { id } }`);

/** Exhibitions of learners' works: photos uploaded here (metadata stripped by the server). */
export default function Exhibitions({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const [data, load] = useGql(EXHIBITIONS, {}, slug);
  const list = data?.exhibitions.edges.map((e) => e.node);
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<string | null>(null); // the exhibition a work is added to
  const [found, setFound] = useState<{ id: string; name: string; age?: number | null }[]>([]);


  const upload = async (workId: string, file: File) => {
    try {
      await api.upload(UPLOAD, { w: workId }, 'file', file, slug);
      message.success(t('照片已上传', 'Photo uploaded'));
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const run = <R, V>(q: TypedDocumentString<R, V>, v: V, done: () => void) => api.request(q, v, slug).then(() => { done(); load(); }, (e) => message.error(e.message));
  const find = (n: string) => n && api.request(FIND, { n }, slug).then((d) => setFound(d.residents.edges.map((e) => e.node)), () => {});

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setCreating(true)}>{t('新建展览', 'New exhibition')}</Button>
      {list?.length === 0 && <Empty description={t('还没有展览', 'No exhibitions yet')} />}
      <Modal open={creating} title={t('新建展览', 'New exhibition')} onCancel={() => setCreating(false)} footer={null} destroyOnClose>
        <Form layout="vertical" initialValues={{ kind: 'PAINTING' }}
          onFinish={(v) => run(CREATE, { t: v.title, k: v.kind, s: v.startsOn, e: v.endsOn }, () => setCreating(false))}>
          <Form.Item name="title" label={t('展览名称', 'Title')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')}>
            <Select options={KINDS.map(([v, zh, en]) => ({ value: v, label: t(zh, en) }))} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('开始日期', 'Starts on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="endsOn" label={t('结束日期', 'Ends on')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Button type="primary" htmlType="submit">{t('创建', 'Create')}</Button>
        </Form>
      </Modal>
      <Modal open={!!adding} title={t('添加作品', 'Add a work')} onCancel={() => setAdding(null)} footer={null} destroyOnClose>
        <Form layout="vertical" onFinish={(v) => run(ADD_WORK, { x: adding!, l: v.learner, t: v.title }, () => setAdding(null))}>
          <Form.Item name="title" label={t('作品名称', 'Title')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="learner" label={t('作者（输入姓名查找）', 'Author (type a name)')} rules={[mustChoose(t('请选择作者', 'Choose the author'))]}>
            <Select showSearch filterOption={false} onSearch={find} notFoundContent={null}
              options={found.map((r) => ({ value: r.id, label: r.age != null ? `${r.name}（${r.age}）` : r.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
      {list?.map((x) => (
        <Card key={x.id} size="small" title={`${x.title}（${x.startsOn} — ${x.endsOn}）`}
          extra={<Space>
            <Button size="small" onClick={() => setAdding(x.id)}>{t('添加作品', 'Add a work')}</Button>
            {x.published ? <Tag color="blue">{t('已发布', 'Published')}</Tag>
              : <Button size="small" onClick={() => api.request(PUBLISH, { id: x.id }, slug).then(load, (e) => message.error(e.message))}>{t('发布', 'Publish')}</Button>}
          </Space>}>
          <div className="grid-cards">
            {x.works.map((w) => (
              <Card key={w.id} size="small" title={`${w.title} · ${w.author}`}>
                {w.minor && !w.consentRecorded && <Tag className="tag-warn">{t('未成年人，待监护人同意', 'Minor: awaiting consent')}</Tag>}
                <Space wrap>
                  {w.photos.map((p) => <Image key={p.id} width={96} src={p.thumbUrl} preview={{ src: p.url }} alt={w.title} />)}
                </Space>
                <label className="file-pick" style={{ marginTop: 8 }}>
                  {t('上传照片', 'Upload photo')}
                  <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={`${t('上传照片', 'Upload photo')}: ${w.title}`}
                    style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                    onChange={(e) => { const f = e.target.files?.[0]; if (f) upload(w.id, f); e.target.value = ''; }} />
                </label>
              </Card>
            ))}
          </div>
        </Card>
      ))}
    </Space>
  );
}
