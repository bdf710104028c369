// A survey's answers between the API's shape and a form's values (the desktop's and the
// phone's forms both), without a component kit.
import type { AnswerInputGql, QuestionKind } from '../gql/graphql';

export interface Question { id: string; kind: QuestionKind; prompt: string; options: string[] }
export type Values = Record<string, number | number[] | string | undefined>;

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
