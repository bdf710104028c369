import { Checkbox, Form, Input, Radio } from 'antd';
import type { AnswerInputGql, QuestionKind } from '../gql/graphql';
import { useT } from '../lib/i18n';

export interface Question { id: string; kind: QuestionKind; prompt: string; options: string[] }
export type Values = Record<string, number | number[] | string | undefined>;

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

/** The answers the API takes, from the form's values; a question left empty is left out. */
export function answersOf(questions: Question[], v: Values): AnswerInputGql[] {
  return questions.flatMap((q): AnswerInputGql[] => {
    const value = v[q.id];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return [];
    if (q.kind === 'MULTIPLE') return [{ questionId: q.id, choices: value as number[] }];
    if (q.kind === 'SINGLE' || q.kind === 'RATING') return [{ questionId: q.id, choices: [value as number] }];
    return [{ questionId: q.id, text: String(value).trim() }];
  });
}

/** Earlier answers (`myAnswers`) as the form's initial values. */
export function valuesOf(questions: Question[], answers: unknown): Values {
  const mine = (answers ?? {}) as Record<string, { choices?: number[]; text?: string }>;
  return Object.fromEntries(questions.map((q) => {
    const a = mine[q.id];
    if (!a) return [q.id, undefined];
    if (q.kind === 'MULTIPLE') return [q.id, a.choices];
    if (q.kind === 'SINGLE' || q.kind === 'RATING') return [q.id, a.choices?.[0]];
    return [q.id, a.text];
  }));
}
