import { Button, Card, DatePicker, Descriptions, Empty, Form, Image, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { VenturesCallsQuery } from '../../gql/graphql';
import { chinaToday, formatDateTime, useApi, useRun } from '../../lib/api';
import { useEnum, useLang, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const CALLS = graphql(`query VenturesCalls { ventureCalls { id title problem budgetYuan deadline status
  proposals { id teamId teamName title plan budgetYuan submittedAt meanScore reviews }
  project { id proposalId status closingReport closedAt }
  milestones { id title dueOn doneAt note photoUrl } } }`);
const POST = graphql(`mutation VenturesPost($t: String!, $p: String!, $b: Int!, $d: Date!) { postVentureCall(title: $t, problem: $p, budgetYuan: $b, deadline: $d) }`);
const REVIEW = graphql(`mutation VenturesReview($p: ID!, $s: Int!, $c: String!) { reviewVentureProposal(proposalId: $p, score: $s, comment: $c) }`);
const AWARD = graphql(`mutation VenturesAward($p: ID!, $m: [MilestoneInput!]!) { awardVenture(proposalId: $p, milestones: $m) { id } }`);
const COMPLETE = graphql(`mutation VenturesComplete($m: ID!, $n: String) { completeVentureMilestone(milestoneId: $m, note: $n) { id } }`);
const COMPLETE_PHOTO = graphql(`mutation VenturesCompletePhoto($m: ID!, $n: String, $file: Upload) { completeVentureMilestone(milestoneId: $m, note: $n, photo: $file) { id } }`);
const PROPOSE = graphql(`mutation VenturesPropose($c: ID!, $t: ID!, $title: String!, $p: String!, $b: Int!) { proposeVenture(callId: $c, teamId: $t, title: $title, plan: $p, budgetYuan: $b) }`);
const CLOSE = graphql(`mutation VenturesClose($p: ID!, $r: String!) { closeVentureProject(projectId: $p, report: $r) { id } }`);

type Call = VenturesCallsQuery['ventureCalls'][number];
type Proposal = Call['proposals'][number];

/**
 * Micro-ventures (微创投): a call posted with its problem, budget and deadline; teams' proposals
 * scored 0–100 with a comment by each reviewer; the call awarded to one with the project's
 * milestones; milestones done with a note and a photo; the project closed with its report.
 * With `teams` (a partner organisation's, on its own console) the page is the partner's:
 * proposals sent for one of its teams, and its awarded projects' milestones and closing.
 */
export default function Ventures({ slug, teams }: { slug: string; teams?: { id: string; name: string }[] }) {
  const api = useApi();
  const t = useT();
  const lang = useLang();
  const label = useEnum();
  const run = useRun();
  const [data] = useGql(CALLS, {}, slug);
  const [posting, setPosting] = useState(false);
  const [reviewing, setReviewing] = useState<Proposal | null>(null);
  const [awarding, setAwarding] = useState<Proposal | null>(null);
  const [completing, setCompleting] = useState<string | null>(null);
  const [closing, setClosing] = useState<string | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [proposing, setProposing] = useState<Call | null>(null);
  const close = () => { setPosting(false); setReviewing(null); setAwarding(null); setCompleting(null); setClosing(null); setPhoto(null); setProposing(null); };
  const staff = !teams;
  // A project is the partner's to carry out when the awarded proposal is one of its teams'.
  const ours = (c: Call) => staff || c.proposals.some((p) => p.id === c.project?.proposalId && teams!.some((tm) => tm.id === p.teamId));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {staff && <Button type="primary" onClick={() => setPosting(true)}>{t('发布微创投项目征集', 'Post a call')}</Button>}
      {data?.ventureCalls.length === 0 && <Empty description={t('还没有征集', 'No calls yet')} />}
      {data?.ventureCalls.map((c) => (
        <Card key={c.id} size="small" extra={!staff && c.status === 'OPEN' && <Button type="primary" onClick={() => setProposing(c)}>{t('提交方案', 'Propose')}</Button>} title={<span>{c.title} <Tag>{label('VentureCallStatus', c.status)}</Tag>{c.project && <Tag color={c.project.status === 'DONE' ? undefined : 'blue'}>{label('VentureProjectStatus', c.project.status)}</Tag>}</span>}>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} items={[
            { key: 'p', label: t('要解决的问题', 'Problem'), children: c.problem },
            { key: 'b', label: t('预算', 'Budget'), children: `¥${c.budgetYuan}` },
            { key: 'd', label: t('截止', 'Deadline'), children: c.deadline },
          ]} />
          <h3 className="sub-heading">{t('项目方案', 'Proposals')}</h3>
          <Table<Proposal> size="small" rowKey="id" pagination={false} dataSource={c.proposals} locale={{ emptyText: t('还没有方案', 'None yet') }}
            columns={[
              { title: t('团队', 'Team'), dataIndex: 'teamName' },
              { title: t('方案', 'Proposal'), render: (_, p) => <span><strong>{p.title}</strong><br />{p.plan}</span> },
              { title: t('预算', 'Budget'), render: (_, p) => `¥${p.budgetYuan}` },
              { title: t('评分', 'Score'), render: (_, p) => (p.meanScore != null ? t(`${p.meanScore.toFixed(1)}（${p.reviews} 人评）`, `${p.meanScore.toFixed(1)} (${p.reviews})`) : '—') },
              {
                title: t('操作', 'Actions'),
                render: (_, p) => staff && c.status === 'OPEN' && (
                  <Space>
                    <Button size="small" onClick={() => setReviewing(p)}>{t('评分', 'Score')}</Button>
                    <Button size="small" type="primary" onClick={() => setAwarding(p)}>{t('立项', 'Award')}</Button>
                  </Space>
                ),
              },
            ]} />
          {c.project && (
            <>
              <h3 className="sub-heading">{t('里程碑', 'Milestones')}</h3>
              <Table size="small" rowKey="id" pagination={false} dataSource={c.milestones}
                columns={[
                  { title: t('里程碑', 'Milestone'), dataIndex: 'title' },
                  { title: t('截止', 'Due'), dataIndex: 'dueOn' },
                  { title: t('完成', 'Done'), render: (_, m) => (m.doneAt ? `${formatDateTime(m.doneAt, lang)}${m.note ? ` · ${m.note}` : ''}` : '') },
                  { title: t('照片', 'Photo'), render: (_, m) => m.photoUrl && <Image width={48} src={m.photoUrl} alt={m.title} /> },
                  { title: t('操作', 'Actions'), render: (_, m) => !m.doneAt && ours(c) && <Button size="small" onClick={() => setCompleting(m.id)}>{t('标记完成', 'Mark done')}</Button> },
                ]} />
              {c.project.status === 'DONE'
                ? <p>{t(`结项报告：${c.project.closingReport ?? ''}`, `Closing report: ${c.project.closingReport ?? ''}`)}</p>
                : ours(c) && <Button style={{ marginTop: 8 }} disabled={c.milestones.some((m) => !m.doneAt)} onClick={() => setClosing(c.project!.id)}>{t('结项', 'Close the project')}</Button>}
            </>
          )}
        </Card>
      ))}

      <Modal open={posting} title={t('发布微创投项目征集', 'Post a call')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ deadline: dayjs(chinaToday(30)), budget: 5000 }}
          onFinish={(v: { title: string; problem: string; budget: number; deadline: Dayjs }) => run(() => api.request(POST, { t: v.title.trim(), p: v.problem.trim(), b: v.budget, d: v.deadline.format('YYYY-MM-DD') }, slug), t('征集已发布', 'Call posted'), close)}>
          <Form.Item name="title" label={t('项目名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="problem" label={t('要解决的问题', 'The problem')} rules={[{ required: true, max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="budget" label={t('预算（元）', 'Budget (yuan)')} rules={[{ required: true }]}><InputNumber min={1} max={10000000} /></Form.Item>
          <Form.Item name="deadline" label={t('征集截止', 'Deadline')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Button type="primary" htmlType="submit">{t('发布', 'Post')}</Button>
        </Form>
      </Modal>
      <Modal open={!!reviewing} title={t(`评分：${reviewing?.title ?? ''}`, `Score: ${reviewing?.title ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { score: number; comment: string }) => run(() => api.request(REVIEW, { p: reviewing!.id, s: v.score, c: v.comment.trim() }, slug), t('评分已提交', 'Score given'), close)}>
          <Form.Item name="score" label={t('分数（0–100）', 'Score (0–100)')} rules={[{ required: true }]}><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item name="comment" label={t('评语', 'Comment')} rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('提交评分', 'Give the score')}</Button>
        </Form>
      </Modal>
      <Modal open={!!awarding} title={t(`立项：${awarding?.title ?? ''}`, `Award: ${awarding?.title ?? ''}`)} onCancel={close} footer={null} destroyOnHidden width={600}>
        <Form layout="vertical" requiredMark={false} initialValues={{ milestones: [{ title: '', dueOn: dayjs(chinaToday(30)) }, { title: '', dueOn: dayjs(chinaToday(60)) }] }}
          onFinish={(v: { milestones: { title: string; dueOn: Dayjs }[] }) => run(() => api.request(AWARD, { p: awarding!.id, m: v.milestones.map((m) => ({ title: m.title.trim(), dueOn: m.dueOn.format('YYYY-MM-DD') })) }, slug), t('已立项', 'Awarded'), close)}>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, max: 100 }]}><Input aria-label={t(`里程碑 ${i + 1}`, `Milestone ${i + 1}`)} placeholder={t(`里程碑 ${i + 1}`, `Milestone ${i + 1}`)} /></Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}><DatePicker aria-label={t(`里程碑 ${i + 1} 截止`, `Milestone ${i + 1} due`)} /></Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({ title: '', dueOn: dayjs(chinaToday(90)) })}>{t('加一个里程碑', 'Add a milestone')}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 12 }}><Button type="primary" htmlType="submit">{t('确认立项', 'Award it')}</Button></div>
        </Form>
      </Modal>
      <Modal open={!!completing} title={t('标记里程碑完成', 'Mark the milestone done')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false}
          onFinish={(v: { note?: string }) => run(() => (photo
            ? api.upload(COMPLETE_PHOTO, { m: completing!, n: v.note?.trim() || null }, 'file', photo, slug)
            : api.request(COMPLETE, { m: completing!, n: v.note?.trim() || null }, slug)), t('里程碑已完成', 'Milestone done'), close)}>
          <Form.Item name="note" label={t('说明', 'Note')} rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item label={t('照片（可不传）', 'Photo (optional)')} htmlFor="milestone-photo">
            <input id="milestone-photo" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('完成', 'Done')}</Button>
        </Form>
      </Modal>
      <Modal open={!!proposing} title={t(`提交方案：${proposing?.title ?? ''}`, `Propose: ${proposing?.title ?? ''}`)} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} initialValues={{ teamId: teams?.[0]?.id, budget: proposing?.budgetYuan }}
          onFinish={(v: { teamId: string; title: string; plan: string; budget: number }) => run(() => api.request(PROPOSE, { c: proposing!.id, t: v.teamId, title: v.title.trim(), p: v.plan.trim(), b: v.budget }, slug), t('方案已提交', 'Proposal sent'), close)}>
          <Form.Item name="teamId" label={t('团队', 'Team')} rules={[{ required: true }]}><Select options={(teams ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} /></Form.Item>
          <Form.Item name="title" label={t('方案名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="plan" label={t('怎么做', 'The plan')} rules={[{ required: true, max: 2000 }]}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item name="budget" label={t('预算（元）', 'Budget (yuan)')} rules={[{ required: true }]}><InputNumber min={1} max={10000000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('提交', 'Send')}</Button>
        </Form>
      </Modal>
      <Modal open={!!closing} title={t('结项', 'Close the project')} onCancel={close} footer={null} destroyOnHidden>
        <Form layout="vertical" requiredMark={false} onFinish={(v: { report: string }) => run(() => api.request(CLOSE, { p: closing!, r: v.report.trim() }, slug), t('已结项', 'Project closed'), close)}>
          <Form.Item name="report" label={t('结项报告', 'Closing report')} rules={[{ required: true, max: 2000 }]}><Input.TextArea rows={4} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('提交结项', 'Close it')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}
