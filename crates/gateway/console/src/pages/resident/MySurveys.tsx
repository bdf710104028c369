import { Button, Form } from 'antd-mobile';
import { answersOf, type Values, valuesOf } from '../../lib/survey';
import SurveyQuestions from '../../mobile/SurveyQuestions';
import { useApi } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
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
  const notify = useNotify();
  const submit = async (v: Values) => {
    try {
      await api.request(ANSWER, { s: survey.id, a: answersOf(survey.questions, v), c: channel }, slug);
      notify.success(t('感谢填写！', 'Thank you!'));
      onAnswered();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
  return (
    <section className="m-card">
      <h2>{survey.title}</h2>
      {!survey.open && <p>{t('这份问卷已经结束。', 'This survey has closed.')}</p>}
      <Form layout="vertical" initialValues={valuesOf(survey.questions, survey.myAnswers)} onFinish={submit} disabled={!survey.open}
        footer={survey.open && <Button block type="submit" color="primary" size="large">{t('提交问卷', 'Send my answers')}</Button>}>
        <SurveyQuestions questions={survey.questions} />
      </Form>
    </section>
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
  if (data && !shown.length) return <p className="m-card">{t('现在没有问卷', 'No surveys now')}</p>;
  return <>{shown.map((s) => <SurveyForm key={s.id} slug={slug} survey={s} channel={channel} onAnswered={load} />)}</>;
}
