import { App, Button, Card, Checkbox, Empty, Form, Input, InputNumber, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { AudienceGql, CourseFormat, QuestionKind, SurveyChannel, SurveysSurveysQuery } from '../../gql/graphql';
import { useApi } from '../../lib/api';
import { mustChoose, showApiError } from '../../lib/forms';
import { useEnum, useEnumOptions, useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';

const SURVEYS = graphql(`query SurveysSurveys { surveys(first: 50) { edges { node { id title threshold open responseCount
  responsesByChannel { channel responses }
  questions { id kind prompt options tallies thresholdReached } } } }
  courseCategories { code name } }`);
const SHARE = graphql(`query SurveysShare($c: SurveyChannel!, $o: String!) {
  surveys(first: 50) { edges { node { id sharePath(channel: $c) qrSvg(origin: $o, channel: $c) } } } }`);
const CREATE = graphql(`mutation SurveysCreate($i: CreateSurveyInput!) { createSurvey(input: $i) }`);
const CLOSE = graphql(`mutation SurveysClose($id: ID!) { closeSurvey(surveyId: $id) }`);
const PROPOSE = graphql(`mutation SurveysPropose($s: ID!, $q: ID!, $o: Int!, $i: CreateCourseInput!) {
  proposeCourseFromSurvey(surveyId: $s, questionId: $q, option: $o, input: $i) { id title status } }`);
const OPEN = graphql(`mutation SurveysOpen($id: ID!) { setCourseOpen(courseId: $id, open: true) { id status } }`);

type Survey = SurveysSurveysQuery['surveys']['edges'][number]['node'];
type Question = Survey['questions'][number];

const KINDS: QuestionKind[] = ['SINGLE', 'MULTIPLE', 'RATING', 'TEXT', 'TALENT'];
const KIND_LABELS: Record<QuestionKind, [string, string]> = {
  SINGLE: ['单选', 'One choice'],
  MULTIPLE: ['多选', 'Several choices'],
  RATING: ['打分（1–5）', 'A score (1–5)'],
  TEXT: ['文字', 'Text'],
  TALENT: ['我能教（达人）', 'I can teach (达人)'],
};
/** The channels a survey's link is posted to (入户 answers are entered by workers, not shared). */
const CHANNELS: SurveyChannel[] = ['WECHAT_GROUP', 'WECHAT_ACCOUNT', 'QQ_GROUP', 'IN_APP'];
/** Kinds whose answers are choices, counted per option. */
const CHOICE: QuestionKind[] = ['SINGLE', 'MULTIPLE', 'RATING'];

interface Draft {
  title: string;
  threshold: number;
  questions: { kind: QuestionKind; prompt: string; options?: string }[];
}

interface Proposal {
  survey: string;
  question: string;
  option: number;
  title: string;
}

/**
 * Demand surveys (订单式): a builder for any number of questions of every kind, the public
 * link and QR code per channel to print, live tallies, close, and an option past its
 * threshold turned into a proposed course — opened in the same step if staff wish.
 */
export default function Surveys({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const enumOptions = useEnumOptions();
  const label = useEnum();
  const { message } = App.useApp();
  const [data, load] = useGql(SURVEYS, {}, slug, { refetchInterval: 5000 });
  const surveys = data?.surveys.edges.map((e) => e.node);
  const [form] = Form.useForm<Draft>();
  const [courseForm] = Form.useForm();
  const [building, setBuilding] = useState(false);
  const [sharing, setSharing] = useState<string | null>(null);
  const [channel, setChannel] = useState<SurveyChannel>('WECHAT_GROUP');
  const [proposing, setProposing] = useState<Proposal | null>(null);
  const [share] = useGql(SHARE, { c: channel, o: window.location.origin }, slug, { enabled: !!sharing });
  const shared = share?.surveys.edges.find((e) => e.node.id === sharing)?.node;

  useEffect(() => {
    if (proposing) courseForm.setFieldsValue({ title: proposing.title, capacity: 20, audience: 'ALL', format: 'LECTURE', open: true });
  }, [proposing, courseForm]);

  const create = async (v: Draft) => {
    const questions = v.questions.map((q) => ({
      kind: q.kind,
      prompt: q.prompt.trim(),
      options: CHOICE.includes(q.kind) && q.kind !== 'RATING' ? (q.options ?? '').split(/\n|,|，/).map((s) => s.trim()).filter(Boolean) : [],
    }));
    try {
      await api.request(CREATE, { i: { title: v.title.trim(), threshold: v.threshold, questions } }, slug);
      message.success(t('问卷已发布', 'Survey published'));
      form.resetFields();
      setBuilding(false);
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  const propose = async (v: { title: string; category: string; audience: AudienceGql; format: CourseFormat; capacity: number; open: boolean }) => {
    const p = proposing!;
    try {
      const { proposeCourseFromSurvey: course } = await api.request(PROPOSE, {
        s: p.survey, q: p.question, o: p.option,
        i: { title: v.title.trim(), category: v.category, audience: v.audience, format: v.format, capacity: v.capacity },
      }, slug);
      if (v.open) await api.request(OPEN, { id: course.id }, slug);
      message.success(v.open ? t(`已开课并开放报名：${course.title}`, `${course.title} is open for enrolment`) : t(`已拟开课程：${course.title}`, `${course.title} proposed`));
      setProposing(null);
    } catch (e) {
      const other = showApiError(courseForm, e, { name: 'title' });
      if (other) message.error(other.message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!building && <div><Button type="primary" onClick={() => setBuilding(true)}>{t('新建问卷', 'New survey')}</Button></div>}
      {building && <Card size="small" title={t('发布需求问卷', 'New demand survey')}
        extra={<Button size="small" onClick={() => setBuilding(false)}>{t('取消', 'Cancel')}</Button>}>
        <Form form={form} layout="vertical" onFinish={create} requiredMark={false}
          initialValues={{ threshold: 10, questions: [{ kind: 'MULTIPLE' }] }}>
          <Form.Item name="title" label={t('问卷标题', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="threshold" label={t('开课人数门槛', 'Threshold to open a course')}><InputNumber min={1} /></Form.Item>
          <Form.List name="questions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, n) => (
                  <Card key={f.key} size="small" className="question-draft" title={t(`第 ${n + 1} 题`, `Question ${n + 1}`)}
                    extra={fields.length > 1 && <Button size="small" onClick={() => remove(f.name)}>{t('删除此题', 'Remove')}</Button>}>
                    <Form.Item name={[f.name, 'kind']} label={t('题型', 'Kind')} rules={[mustChoose(t('请选择题型', 'Choose a kind'))]}>
                      <Select options={KINDS.map((k) => ({ value: k, label: t(...KIND_LABELS[k]) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'prompt']} label={t('问题', 'Question')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => ['SINGLE', 'MULTIPLE'].includes(form.getFieldValue(['questions', f.name, 'kind'])) && (
                        <Form.Item name={[f.name, 'options']} label={t('选项（每行一个）', 'Options (one per line)')} rules={[{ required: true }]}>
                          <Input.TextArea rows={3} />
                        </Form.Item>
                      )}
                    </Form.Item>
                  </Card>
                ))}
                <Button onClick={() => add({ kind: 'SINGLE' })} style={{ margin: '8px 0' }}>{t('添加一题', 'Add a question')}</Button>
              </>
            )}
          </Form.List>
          <div><Button type="primary" htmlType="submit">{t('发布', 'Publish')}</Button></div>
        </Form>
      </Card>}
      {surveys?.length === 0 && <Empty description={t('还没有问卷', 'No surveys yet')} />}
      {surveys?.map((s) => (
        <Card key={s.id} size="small" title={s.title}
          extra={<Space wrap>
            <Tag color={s.open ? 'blue' : undefined}>{s.open ? t('进行中', 'Open') : t('已结束', 'Closed')}</Tag>
            <span>{t(`${s.responseCount} 人作答`, `${s.responseCount} answers`)}</span>
            <Button size="small" onClick={() => setSharing(s.id)}>{t('分享与二维码', 'Link and QR code')}</Button>
            {s.open && <Button size="small" onClick={() => api.request(CLOSE, { id: s.id }, slug).then(load, (e) => message.error(e.message))}>{t('结束', 'Close')}</Button>}
          </Space>}>
          {s.responsesByChannel.length > 0 && (
            <p>{s.responsesByChannel.map((c) => `${label('SurveyChannel', c.channel)} ${c.responses}`).join(' · ')}</p>
          )}
          {s.questions.map((q) => (
            <QuestionTallies key={q.id} survey={s} q={q} onPropose={(option) => setProposing({ survey: s.id, question: q.id, option, title: q.options[option] })} />
          ))}
        </Card>
      ))}
      <Modal open={!!sharing} title={t('分享问卷', 'Share the survey')} onCancel={() => setSharing(null)} footer={null} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select aria-label={t('发布渠道', 'Channel')} value={channel} onChange={setChannel}
            options={CHANNELS.map((c) => ({ value: c, label: label('SurveyChannel', c) }))} />
          {shared && (
            <>
              <Typography.Paragraph copyable className="share-link">{window.location.origin + shared.sharePath}</Typography.Paragraph>
              <div className="qr" role="img" aria-label={t('问卷二维码', 'QR code of the survey')} dangerouslySetInnerHTML={{ __html: shared.qrSvg }} />
              <Button onClick={() => window.print()}>{t('打印二维码', 'Print the QR code')}</Button>
            </>
          )}
        </Space>
      </Modal>
      <Modal open={!!proposing} title={t('按问卷开课', 'A course from the survey')} onCancel={() => setProposing(null)} footer={null} destroyOnHidden>
        <Form form={courseForm} layout="vertical" onFinish={propose} requiredMark={false}>
          <Form.Item name="title" label={t('课程名称', 'Title')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="category" label={t('类别', 'Category')} rules={[mustChoose(t('请选择类别', 'Choose a category'))]}>
            <Select showSearch optionFilterProp="label" options={(data?.courseCategories ?? []).map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
          <Form.Item name="audience" label={t('对象', 'Audience')}>
            <Select options={enumOptions('Audience')} />
          </Form.Item>
          <Form.Item name="format" label={t('形式', 'Format')}>
            <Select options={enumOptions('CourseFormat')} />
          </Form.Item>
          <Form.Item name="capacity" label={t('名额', 'Seats')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="open" valuePropName="checked"><Checkbox>{t('立即开放报名', 'Open for enrolment now')}</Checkbox></Form.Item>
          <Button type="primary" htmlType="submit">{t('开课', 'Create the course')}</Button>
        </Form>
      </Modal>
    </Space>
  );
}

/** One question's answers: per option with the threshold for choices, a count for text. */
function QuestionTallies({ survey, q, onPropose }: { survey: Survey; q: Question; onPropose: (option: number) => void }) {
  const t = useT();
  const options = q.kind === 'RATING' ? ['1', '2', '3', '4', '5'] : q.options;
  return (
    <div aria-live="polite" className="question-tallies">
      <p><strong>{q.prompt}</strong></p>
      {CHOICE.includes(q.kind) ? options.map((o, i) => (
        <div key={o}>
          {o}：{q.tallies[i] ?? 0} {q.thresholdReached[i] && <Tag className="tag-ok">{t('达到开课门槛', 'Threshold reached')}</Tag>}
          {q.kind !== 'RATING' && <Button size="small" type={q.thresholdReached[i] ? 'primary' : 'default'} onClick={() => onPropose(i)}>{t(`开成课程：${o}`, `Make “${o}” a course`)}</Button>}
          <Progress percent={Math.min(100, Math.round(((q.tallies[i] ?? 0) / Math.max(survey.threshold, 1)) * 100))} aria-label={o} />
        </div>
      )) : <p>{t(`${q.tallies[0] ?? 0} 条回答`, `${q.tallies[0] ?? 0} answers`)}</p>}
    </div>
  );
}
