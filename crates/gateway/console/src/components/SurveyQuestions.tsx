import { Checkbox, Form, Input, Radio } from 'antd';
import { useT } from '../lib/i18n';
import type { Question } from '../lib/survey';

export { answersOf, valuesOf, type Question, type Values } from '../lib/survey';

/** A survey's questions, each as the kind it is (one form field per question, named by its id). */
export default function SurveyQuestions({ questions, large = false }: { questions: Question[]; large?: boolean }) {
  const t = useT();
  const choices = (q: Question) => q.options.map((o, i) => ({ value: i, label: o }));
  return (
    <>
      {questions.map((q, n) => (
        <Form.Item key={q.id} name={q.id} label={<span style={large ? { fontSize: 20 } : undefined}>{`${n + 1}. ${q.prompt}`}</span>}>
          {q.kind === 'MULTIPLE' ? (
            <Checkbox.Group options={choices(q)} style={{ display: 'flex', flexDirection: 'column', gap: large ? 12 : 4 }} />
          ) : q.kind === 'SINGLE' || q.kind === 'RATING' ? (
            <Radio.Group options={choices(q)} optionType={q.kind === 'RATING' ? 'button' : 'default'}
              style={{ display: 'flex', flexDirection: q.kind === 'RATING' ? 'row' : 'column', gap: large ? 12 : 4, flexWrap: 'wrap' }} />
          ) : (
            <Input.TextArea rows={2} placeholder={q.kind === 'TALENT' ? t('比如：剪纸、太极拳', 'e.g. paper-cutting, taiji') : ''} />
          )}
        </Form.Item>
      ))}
    </>
  );
}
