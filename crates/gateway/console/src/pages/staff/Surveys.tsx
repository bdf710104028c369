import { App, Button, Card, Empty, Form, Input, InputNumber, Progress, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';

const SURVEYS = graphql(`query SurveysSurveys { surveys(first: 50) { edges { node { id title threshold open responseCount
  questions { id kind prompt options tallies thresholdReached } } } } }`);
const CREATE = graphql(`mutation SurveysCreate($i: CreateSurveyInput!) { createSurvey(input: $i) }`);
const CLOSE = graphql(`mutation SurveysClose($id: ID!) { closeSurvey(surveyId: $id) }`);

/** Demand surveys (订单式) with their tallies, refreshed every few seconds while open. */
export default function Surveys({ slug }: { slug: string }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const [data, load] = useGql(SURVEYS, {}, slug);
  const surveys = data?.surveys.edges.map((e) => e.node);
  const [form] = Form.useForm();

  useEffect(() => {
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load]);

  const create = async (v: { title: string; prompt: string; options: string; threshold: number }) => {
    const options = v.options.split(/\n|,|，/).map((s) => s.trim()).filter(Boolean);
    try {
      await api.request(CREATE, { i: { title: v.title, threshold: v.threshold, questions: [{ kind: 'MULTIPLE', prompt: v.prompt, options }] } }, slug);
      form.resetFields();
      load();
    } catch (e) {
      message.error(e.message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('发布需求问卷', 'New demand survey')}>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ threshold: 10 }}>
          <Form.Item name="title" label={t('问卷标题', 'Title')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="prompt" label={t('问题', 'Question')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="options" label={t('选项（每行一个）', 'Options (one per line)')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="threshold" label={t('开课人数门槛', 'Threshold to open a course')}><InputNumber min={1} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('发布', 'Publish')}</Button>
        </Form>
      </Card>
      {surveys?.length === 0 && <Empty description={t('还没有问卷', 'No surveys yet')} />}
      {surveys?.map((s) => (
        <Card key={s.id} size="small" title={s.title}
          extra={<Space>
            <Tag color={s.open ? 'blue' : undefined}>{s.open ? t('进行中', 'Open') : t('已结束', 'Closed')}</Tag>
            <span>{t(`${s.responseCount} 人作答`, `${s.responseCount} answers`)}</span>
            {s.open && <Button size="small" onClick={() => api.request(CLOSE, { id: s.id }, slug).then(load, (e) => message.error(e.message))}>{t('结束', 'Close')}</Button>}
          </Space>}>
          {s.questions.map((q) => (
            <div key={q.id} aria-live="polite">
              <p><strong>{q.prompt}</strong></p>
              {q.options.map((o, i) => (
                <div key={o}>
                  {o}：{q.tallies[i] ?? 0} {q.thresholdReached[i] && <Tag className="tag-ok">{t('达到开课门槛', 'Threshold reached')}</Tag>}
                  <Progress percent={Math.min(100, Math.round(((q.tallies[i] ?? 0) / Math.max(s.threshold, 1)) * 100))} aria-label={o} />
                </div>
              ))}
            </div>
          ))}
        </Card>
      ))}
    </Space>
  );
}
