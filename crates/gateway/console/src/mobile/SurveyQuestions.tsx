import { Checkbox, Form, Radio, Space, TextArea } from 'antd-mobile';
import type { Question } from '../lib/survey';
import { useT } from '../lib/i18n';

/** A survey's questions on a phone, each as the kind it is (a form field per question, named by its id). */
export default function SurveyQuestions({ questions }: { questions: Question[] }) {
  const t = useT();
  return (
    <>
      {questions.map((q, n) => (
        <Form.Item key={q.id} name={q.id} label={`${n + 1}. ${q.prompt}`}>
          {q.kind === 'MULTIPLE' ? (
            <Checkbox.Group>
              <Space direction="vertical" block>{q.options.map((o, i) => <Checkbox key={i} value={i}>{o}</Checkbox>)}</Space>
            </Checkbox.Group>
          ) : q.kind === 'SINGLE' || q.kind === 'RATING' ? (
            <Radio.Group>
              <Space direction={q.kind === 'RATING' ? 'horizontal' : 'vertical'} block wrap>
                {q.options.map((o, i) => <Radio key={i} value={i}>{o}</Radio>)}
              </Space>
            </Radio.Group>
          ) : (
            <TextArea rows={2} placeholder={q.kind === 'TALENT' ? t('比如：剪纸、太极拳', 'e.g. paper-cutting, taiji') : ''} />
          )}
        </Form.Item>
      ))}
    </>
  );
}
