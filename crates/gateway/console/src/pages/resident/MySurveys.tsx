import { App, Button, Card, Empty, Form, Space, Typography } from 'antd';
import SurveyQuestions, { type Values, answersOf, valuesOf } from '../../components/SurveyQuestions';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useGql } from '../../lib/query';
import { graphql } from '../../gql';
import type { MySurveysSurveysQuery, SurveyChannel } from '../../gql/graphql';

const SURVEYS = graphql(`query MySurveysSurveys { surveys(first: 50) { nodes { id title open
  questions { id kind prompt options } myAnswers } } }`);
const ANSWER = graphql(`mutation MySurveysAnswer($s: ID!, $a: [AnswerInputGql!]!, $c: SurveyChannel!) {
  answerSurvey(surveyId: $s, answers: $a, channel: $c) }`);
const CHANNELS = ['in_app', 'wechat_account', 'wechat_group', 'qq_group'];

/** One survey: each question as the kind it is, the resident's earlier answers filled in. */
type Survey = MySurveysSurveysQuery['surveys']['nodes'][number];

function SurveyForm({ slug, survey, channel, onAnswered }: { slug: string; survey: Survey; channel: SurveyChannel; onAnswered: () => void }) {
  const api = useApi();
  const t = useT();
  const { message } = App.useApp();
  const initial = valuesOf(survey.questions, survey.myAnswers);
  const submit = async (v: Values) => {
    const answers = answersOf(survey.questions, v);
    try {
      await api.request(ANSWER, { s: survey.id, a: answers, c: channel }, slug);
      message.success(t('感谢填写！', 'Thank you!'));
      onAnswered();
    } catch (e) {
      message.error(e.message);
    }
  };
  return (
    <Card className="big-card" title={<span style={{ fontSize: 22 }}>{survey.title}</span>}>
      {!survey.open && <Typography.Paragraph>{t('这份问卷已经结束。', 'This survey has closed.')}</Typography.Paragraph>}
      <Form layout="vertical" initialValues={initial} onFinish={submit} disabled={!survey.open}>
        <SurveyQuestions questions={survey.questions} large />
        {survey.open && (
          <Button type="primary" htmlType="submit" size="large" block style={{ minHeight: 60, fontSize: 20 }}>
            {t('提交问卷', 'Send my answers')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

/**
 * The community's surveys for a resident; a link from a survey's public page (`surveyId` and
 * the channel it was posted to) shows that survey alone and counts the answer by its channel.
 */
export default function MySurveys({ slug, surveyId, from }: { slug: string; surveyId?: string; from?: string }) {
  const t = useT();
  const [data, load] = useGql(SURVEYS, {}, slug);
  const all = data?.surveys.nodes ?? [];
  const shown = surveyId ? all.filter((s) => s.id === surveyId) : all.filter((s) => s.open);
  const channel = (from && CHANNELS.includes(from) ? from : 'in_app').toUpperCase() as SurveyChannel;
  if (data && !shown.length) return <Empty description={t('现在没有问卷', 'No surveys now')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {shown.map((s) => <SurveyForm key={s.id} slug={slug} survey={s} channel={channel} onAnswered={load} />)}
    </Space>
  );
}
