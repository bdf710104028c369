import { App, Button, Card, Empty, Form, Image, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../lib/api';
import { formatDateTime } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { ShareNames, TypedDocumentString } from '../../gql/graphql';
import LearnerRecord from './LearnerRecord';
import ResidentPicker from './ResidentPicker';

const EXHIBITIONS = graphql(`query ExhibitionsExhibitions { exhibitions(first: 50) { edges { node { id title kind startsOn endsOn published
  works { id title author learnerId minor consentRecorded photos { id thumbUrl url } } } } } }`);
const SHARES = graphql(`query ExhibitionsShares($x: ID!) { exhibitionShares(exhibitionId: $x) { id names createdAt revoked } }`);
const PUBLISH = graphql(`mutation ExhibitionsPublish($id: ID!) { publishExhibition(exhibitionId: $id) }`);
const CREATE = graphql(`mutation ExhibitionsCreate($t: String!, $k: ExhibitionKind!, $s: Date!, $e: Date!) {
  createExhibition(title: $t, kind: $k, startsOn: $s, endsOn: $e) { id } }`);
const ADD_WORK = graphql(`mutation ExhibitionsAddWork($x: ID!, $l: ID!, $t: String!) { addWork(exhibitionId: $x, learnerId: $l, title: $t) { id } }`);
const KINDS = [['PAINTING', '书画', 'Painting'], ['PHOTOGRAPHY', '摄影', 'Photography'], ['HANDICRAFT', '手工', 'Handicraft']];
const UPLOAD = graphql(`mutation ExhibitionsUpload($w: ID!, $file: Upload!) { uploadWorkPhoto(workId: $w, file: $file) { id } }`);
const CONSENT = graphql(`mutation ExhibitionsConsent($w: ID!) { recordGuardianConsent(workId: $w) }`);
const DELETE = graphql(`mutation ExhibitionsDelete($w: ID!) { deleteWork(workId: $w) }`);
const SHARE = graphql(`mutation ExhibitionsShare($x: ID!, $n: ShareNames!) { shareExhibition(exhibitionId: $x, names: $n) { path share { id } } }`);
const REVOKE = graphql(`mutation ExhibitionsRevoke($x: ID!) { revokeExhibitionShares(exhibitionId: $x) }`);
const NAMES: [ShareNames, string, string][] = [['FULL', '显示全名', 'Full names'], ['SURNAME', '只显示姓（如“李老师”）', 'Surname only'], ['HIDDEN', '不显示姓名', 'No names']];

/**
 * Exhibitions of learners' works: authors found in the registry, photos (metadata stripped by
 * the server), a guardian's consent for a minor's work, publishing, public links with names
 * full, by surname or hidden — and revoking them; each author's whole learning record.
 */
export default function Exhibitions({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [data, load] = useGql(EXHIBITIONS, {}, slug);
  const list = data?.exhibitions.edges.map((e) => e.node);
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<string | null>(null); // the exhibition a work is added to
  const [sharing, setSharing] = useState<{ id: string; title: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [record, setRecord] = useState<string | null>(null); // the learner whose record shows
  const [shares, reloadShares] = useGql(SHARES, { x: sharing?.id ?? '' }, slug, { enabled: !!sharing });

  const upload = async (workId: string, file: File) => {
    try {
      await api.upload(UPLOAD, { w: workId }, 'file', file, slug);
      message.success(t('照片已上传', 'Photo uploaded'));
      load();
    } catch (e) {
      message.error(e.message);
    }
  };
  const run = <R, V>(q: TypedDocumentString<R, V>, v: V, done: (r: R) => void) => api.request(q, v, slug).then((r) => { done(r); load(); }, (e) => message.error(e.message));
  const share = (v: { names: ShareNames }) => run(SHARE, { x: sharing!.id, n: v.names }, (r) => { setLink(`${window.location.origin}${r.shareExhibition.path}`); reloadShares(); });
  const revoke = () => run(REVOKE, { x: sharing!.id }, (n) => { message.success(t(`已停止 ${n.revokeExhibitionShares} 个分享链接`, `${n.revokeExhibitionShares} links stopped`)); setLink(null); reloadShares(); });
  const namesLabel = (n: ShareNames) => { const x = NAMES.find((y) => y[0] === n)!; return t(x[1], x[2]); };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setCreating(true)}>{t('新建展览', 'New exhibition')}</Button>
      {list?.length === 0 && <Empty description={t('还没有展览', 'No exhibitions yet')} />}
      <Modal open={creating} title={t('新建展览', 'New exhibition')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
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
      <Modal open={!!adding} title={t('添加作品', 'Add a work')} onCancel={() => setAdding(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={(v) => run(ADD_WORK, { x: adding!, l: v.learner, t: v.title }, () => setAdding(null))}>
          <Form.Item name="title" label={t('作品名称', 'Title')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="learner" label={t('作者（输入姓名查找）', 'Author (type a name)')} rules={[mustChoose(t('请选择作者', 'Choose the author'))]}>
            <ResidentPicker slug={slug} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('添加', 'Add')}</Button>
        </Form>
      </Modal>
      <Modal open={!!sharing} title={t(`分享 · ${sharing?.title ?? ''}`, `Share · ${sharing?.title ?? ''}`)} onCancel={() => { setSharing(null); setLink(null); }} footer={null} destroyOnHidden width={640}>
        <Form layout="vertical" initialValues={{ names: 'SURNAME' }} onFinish={share}>
          <Form.Item name="names" label={t('作者姓名怎样显示', 'How authors are named')}>
            <Select options={NAMES.map(([v, zh, en]) => ({ value: v, label: t(zh, en) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('生成公开链接', 'Make a public link')}</Button>
        </Form>
        {link && (
          <p className="share-link">{t('公开链接（可发到公众号）：', 'Public link (for the 公众号): ')}
            <Typography.Text copyable>{link}</Typography.Text></p>
        )}
        <h3 className="sub-heading">{t('分享记录', 'Links made')}</h3>
        <Table size="small" rowKey="id" pagination={false} dataSource={shares?.exhibitionShares ?? []}
          locale={{ emptyText: t('还没有分享', 'None yet') }}
          columns={[
            { title: t('时间', 'Made'), render: (_, s) => formatDateTime(s.createdAt, lang) },
            { title: t('姓名', 'Names'), render: (_, s) => namesLabel(s.names) },
            { title: t('状态', 'Status'), render: (_, s) => (s.revoked ? <Tag>{t('已停止', 'Stopped')}</Tag> : <Tag className="tag-ok">{t('有效', 'Live')}</Tag>) },
          ]} />
        <Popconfirm title={t('停止后，所有已发出的链接都打不开。确定吗？', 'Every link sent stops working. Go on?')} okText={t('停止分享', 'Stop')} cancelText={t('取消', 'Cancel')} onConfirm={revoke}>
          <Button danger style={{ marginTop: 12 }} disabled={!shares?.exhibitionShares.some((s) => !s.revoked)}>{t('停止全部分享', 'Stop every link')}</Button>
        </Popconfirm>
      </Modal>
      {list?.map((x) => (
        <Card key={x.id} size="small" title={`${x.title}（${x.startsOn} — ${x.endsOn}）`}
          extra={<Space wrap>
            <Button size="small" onClick={() => setAdding(x.id)}>{t('添加作品', 'Add a work')}</Button>
            {x.published ? <>
              <Tag color="blue">{t('已发布', 'Published')}</Tag>
              <Button size="small" onClick={() => setSharing(x)}>{t('分享', 'Share')}</Button>
            </> : <Button size="small" onClick={() => run(PUBLISH, { id: x.id }, () => {})}>{t('发布', 'Publish')}</Button>}
          </Space>}>
          <div className="grid-cards">
            {x.works.map((w) => (
              <Card key={w.id} size="small" title={`${w.title} · ${w.author}`}>
                {w.minor && !w.consentRecorded && (
                  <Space wrap>
                    <Tag className="tag-warn">{t('未成年人，待监护人同意', 'Minor: awaiting consent')}</Tag>
                    <Popconfirm title={t('已收到监护人签字的同意书？', 'Signed consent form received?')} okText={t('是', 'Yes')} cancelText={t('否', 'No')}
                      onConfirm={() => run(CONSENT, { w: w.id }, () => message.success(t('已登记监护人同意', 'Consent recorded')))}>
                      <Button size="small">{t('登记监护人同意', 'Record consent')}</Button>
                    </Popconfirm>
                  </Space>
                )}
                {w.minor && w.consentRecorded && <Tag className="tag-ok">{t('监护人已同意', 'Guardian consented')}</Tag>}
                <Space wrap>
                  {w.photos.map((p) => <Image key={p.id} width={96} src={p.thumbUrl} preview={{ src: p.url }} alt={w.title} />)}
                </Space>
                <Space wrap style={{ marginTop: 8 }}>
                  <label className="file-pick">
                    {t('上传照片', 'Upload photo')}
                    <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={`${t('上传照片', 'Upload photo')}: ${w.title}`}
                      style={{ position: 'absolute', opacity: 0, width: 1, height: 1 }}
                      onChange={(e) => { const f = e.target.files?.[0]; if (f) upload(w.id, f); e.target.value = ''; }} />
                  </label>
                  <Button size="small" onClick={() => setRecord(w.learnerId)}>{t('学习档案', 'Record')}</Button>
                  <Popconfirm title={t('删除作品和它的照片？', 'Delete the work and its photos?')} okText={t('删除', 'Delete')} cancelText={t('取消', 'Cancel')}
                    onConfirm={() => run(DELETE, { w: w.id }, () => message.success(t('作品已删除', 'Work deleted')))}>
                    <Button size="small" danger>{t('删除', 'Delete')}</Button>
                  </Popconfirm>
                </Space>
              </Card>
            ))}
          </div>
        </Card>
      ))}
      <LearnerRecord slug={slug} learnerId={record} onClose={() => setRecord(null)} />
    </Space>
  );
}
