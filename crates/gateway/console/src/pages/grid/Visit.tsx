// 入户摸底 at the door: the household, the person met (new to the registry, or one found on 居民),
// and the answers to the community's survey taken there — kept on the phone and sent as two
// writes (the resident, then the answers for them), each with its own idempotency key.
import { Button, Form } from 'antd-mobile';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../lib/i18n';
import { useNotify } from '../../lib/notify';
import type { Step } from '../../lib/outbox';
import { useGql } from '../../lib/query';
import { answersOf, type Values } from '../../lib/survey';
import Choices from '../../mobile/Choices';
import SurveyQuestions from '../../mobile/SurveyQuestions';
import type { GridProps } from '../../shells/Grid';
import { sayKept } from './keep';
import PersonFields, { REGISTER, residentInput, type Person } from './PersonFields';

const SURVEYS = graphql(`query GridSurveys { surveys(first: 50) { nodes { id title open questions { id kind prompt options } } } }`);
const ANSWER = graphql(`mutation GridAnswer($s: ID!, $a: [AnswerInputGql!]!, $l: ID) { answerSurvey(surveyId: $s, answers: $a, learnerId: $l, channel: DOOR_TO_DOOR) }`);


export default function Visit({ slug, grid, outbox, learnerId, learnerName }: GridProps & { learnerId?: string; learnerName?: string }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm();
  const [data] = useGql(SURVEYS, {}, slug);
  const surveys = (data?.surveys.nodes ?? []).filter((s) => s.open);
  const [surveyId, setSurveyId] = useState<string>('');
  const survey = surveys.find((s) => s.id === (surveyId || surveys[0]?.id));
  const save = async (v: Person & Values) => {
    const answers = survey ? answersOf(survey.questions, v) : [];
    const steps: Step[] = [];
    if (!learnerId) {
      steps.push({ query: REGISTER.toString(), variables: { i: residentInput(v, grid) } });
    }
    if (survey && answers.length) {
      steps.push(learnerId
        ? { query: ANSWER.toString(), variables: { s: survey.id, a: answers, l: learnerId } }
        : { query: ANSWER.toString(), variables: { s: survey.id, a: answers }, take: { l: [0, 'registerResident', 'id'] } });
    }
    if (!steps.length) {
      notify.error(t('还没有填写问卷', 'No answers yet'));
      return;
    }
    const who = learnerName ?? v.name.trim();
    const title = learnerId ? t(`${who} 的走访问卷`, `Survey for ${who}`) : `${v.household.trim()} ${who}`;
    const outcome = await outbox.keep('visit', title, steps, { phone: v.phone?.trim() || undefined });
    sayKept(notify, t, outcome, t('走访已登记', 'Visit recorded'));
    form.resetFields();
  };
  return (
    <section className="m-card" aria-labelledby="visit-title">
      <h2 id="visit-title">{learnerId ? t(`走访：${learnerName ?? ''}`, `Visit: ${learnerName ?? ''}`) : t('入户走访', 'A visit at the door')}</h2>
      <Form form={form} layout="vertical" onFinish={save} requiredMarkStyle="none"
        footer={<Button block type="submit" color="primary" size="large">{t('保存走访', 'Save the visit')}</Button>}>
        {!learnerId && (
          <>
            <PersonFields />
          </>
        )}
        {surveys.length > 1 && (
          <Choices id="visit-survey" label={t('问卷', 'Survey')} value={survey?.id ?? ''} onChange={setSurveyId}
            options={surveys.map((s) => ({ value: s.id, label: s.title }))} />
        )}
        {survey && <><h3>{survey.title}</h3><SurveyQuestions questions={survey.questions} /></>}
      </Form>
    </section>
  );
}
