import { Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { HonoursNominationsQuery, HonoursRoundsQuery } from '../../gql/graphql';
import { chinaToday, useApi, useRun } from '../../lib/api';
import { mustChoose } from '../../lib/forms';
import { useEnum, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const ROUNDS = graphql(`query HonoursRounds { honourRounds { id title year awards status publishedAt } }`);
const NOMINATIONS = graphql(`query HonoursNominations($r: ID!) { honourNominations(roundId: $r) { id award nominee reason awarded scores meanScore } }`);
const OPEN = graphql(`mutation HonoursOpen($t: String!, $y: Int!, $a: [String!]!) { openHonourRound(title: $t, year: $y, awards: $a) { id } }`);
const NOMINATE = graphql(`mutation HonoursNominate($r: ID!, $a: String!, $n: String!, $why: String!) { nominateForHonour(roundId: $r, award: $a, nominee: $n, reason: $why) { id } }`);
const ADVANCE = graphql(`mutation HonoursAdvance($r: ID!, $to: HonourRoundStatus!) { advanceHonourRound(roundId: $r, to: $to) { id status } }`);
const SCORE = graphql(`mutation HonoursScore($n: ID!, $s: Int!) { scoreHonourNomination(nominationId: $n, score: $s) { id } }`);
const AWARD = graphql(`mutation HonoursAward($n: ID!, $a: Boolean!) { awardHonour(nominationId: $n, awarded: $a) { id awarded } }`);

type Round = HonoursRoundsQuery['honourRounds'][number];
type Nomination = HonoursNominationsQuery['honourNominations'][number];

/** One round's nominations: scored and awarded in review, the awarded shown once published. */
function Nominations({ slug, round }: { slug: string; round: Round }) {
  const api = useApi();
  const t = useT();
  const run = useRun();
  const [data] = useGql(NOMINATIONS, { r: round.id }, slug);
  const [scoring, setScoring] = useState<Nomination | null>(null);
  return (
    <>
      <Table<Nomination> size="small" rowKey="id" pagination={false} dataSource={data?.honourNominations} locale={{ emptyText: t('还没有提名', 'No nominations yet') }}
        columns={[
          { title: t('奖项', 'Award'), dataIndex: 'award' },
          { title: t('被提名人', 'Nominee'), dataIndex: 'nominee' },
          { title: t('事迹', 'Why'), dataIndex: 'reason' },
          { title: t('评分', 'Score'), render: (_, n) => (n.meanScore != null ? t(`${n.meanScore.toFixed(1)}（${n.scores} 人评）`, `${n.meanScore.toFixed(1)} (${n.scores})`) : '—') },
          { title: t('结果', 'Result'), render: (_, n) => n.awarded && <Tag color="blue">{t('获评', 'Awarded')}</Tag> },
          {
            title: t('操作', 'Actions'),
            render: (_, n) => round.status === 'REVIEWING' && (
              <Space wrap>
                <Button size="small" onClick={() => setScoring(n)}>{t('评分', 'Score')}</Button>
                {n.scores > 0 && <Button size="small" type={n.awarded ? 'default' : 'primary'} onClick={() => run(() => api.request(AWARD, { n: n.id, a: !n.awarded }, slug), n.awarded ? t('已撤销', 'Taken back') : t(`${n.nominee} 获评`, `${n.nominee} awarded`))}>{n.awarded ? t('撤销', 'Take back') : t('评定获奖', 'Award')}</Button>}
              </Space>
            ),
          },
        ]} />
      <Modal open={!!scoring} title={t(`评分：${scoring?.nominee ?? ''}`, `Score: ${scoring?.nominee ?? ''}`)} onCancel={() => setScoring(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { score: number }) => run(() => api.request(SCORE, { n: scoring!.id, s: v.score }, slug), t('评分已保存', 'Score saved'), () => setScoring(null))}>
          <Form.Item name="score" label={t('分数（0–100）', 'Score (0–100)')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('保存评分', 'Save the score')}</Button>
        </Form>
      </Modal>
    </>
  );
}

/**
 * 评优 (honours): a round opened for a year with its awards (最美志愿者, 好家风家庭 …),
 * nominations while it is open, scores and awards in review, and the result published.
 */
export default function Honours({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const label = useEnum();
  const run = useRun();
  const [data] = useGql(ROUNDS, {}, slug);
  const [opening, setOpening] = useState(false);
  const [nominating, setNominating] = useState<Round | null>(null);
  const close = () => { setOpening(false); setNominating(null); };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setOpening(true)}>{t('发起评优', 'Open a round')}</Button>
      {data?.honourRounds.length === 0 && <Empty description={t('还没有评优', 'No rounds yet')} />}
      {data?.honourRounds.map((r) => (
        <Card key={r.id} size="small" title={<span>{r.title}（{r.year}） <Tag>{label('HonourRoundStatus', r.status)}</Tag></span>}
          extra={<Space wrap>
            {r.status === 'OPEN' && <Button size="small" onClick={() => setNominating(r)}>{t('提名', 'Nominate')}</Button>}
            {r.status === 'OPEN' && <Button size="small" onClick={() => run(() => api.request(ADVANCE, { r: r.id, to: 'REVIEWING' }, slug), t('提名截止，进入评审', 'Nominations closed; in review'))}>{t('截止提名', 'Close nominations')}</Button>}
            {r.status === 'REVIEWING' && <Button size="small" type="primary" onClick={() => run(() => api.request(ADVANCE, { r: r.id, to: 'PUBLISHED' }, slug), t('结果已公示', 'Published'))}>{t('公示结果', 'Publish')}</Button>}
          </Space>}>
          <p>{t(`奖项：${r.awards.join('、')}`, `Awards: ${r.awards.join(', ')}`)}</p>
          <Nominations slug={slug} round={r} />
        </Card>
      ))}
      <Modal open={opening} title={t('发起评优', 'Open a round')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ year: Number(chinaToday().slice(0, 4)), awards: [] }}
          onFinish={(v: { title: string; year: number; awards: string[] }) => run(() => api.request(OPEN, { t: v.title.trim(), y: v.year, a: v.awards.map((a) => a.trim()).filter(Boolean) }, slug), t('评优已发起', 'Round opened'), close)}>
          <Form.Item name="title" label={t('名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item name="awards" label={t('奖项（输入后回车）', 'Awards (Enter after each)')} rules={[{ required: true, type: 'array', min: 1 }]}><Select mode="tags" open={false} aria-label={t('奖项', 'Awards')} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('发起', 'Open')}</Button>
        </Form>
      </Modal>
      <Modal open={!!nominating} title={t(`提名：${nominating?.title ?? ''}`, `Nominate: ${nominating?.title ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ award: nominating?.awards[0] }}
          onFinish={(v: { award: string; nominee: string; reason: string }) => run(() => api.request(NOMINATE, { r: nominating!.id, a: v.award, n: v.nominee.trim(), why: v.reason.trim() }, slug), t('已提名', 'Nominated'), close)}>
          <Form.Item name="award" label={t('奖项', 'Award')} rules={[mustChoose(t('请选择奖项', 'Choose an award'))]}><Select options={(nominating?.awards ?? []).map((a) => ({ value: a, label: a }))} /></Form.Item>
          <Form.Item name="nominee" label={t('被提名人或家庭', 'Nominee')} rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
          <Form.Item name="reason" label={t('事迹', 'Why')} rules={[{ required: true, max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('提名', 'Nominate')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
