/**
 * What makes a survey's questions valid, pure: each problem names its field.
 * A rated dimension (5 very satisfied … 1 very dissatisfied) carries a
 * weight 1–100; the recommend question (0–10) and free text carry none;
 * at most one recommend question; wording in zh-CN and English. A survey
 * can be activated only with at least one scored question (rated or recommend).
 */
export const QUESTION_KINDS = ['rating', 'recommend', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionInput {
  kind: QuestionKind;
  textZh: string;
  textEn: string;
  weight?: number | null;
}

export function questionProblems(questions: readonly QuestionInput[]): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  questions.forEach((q, i) => {
    if (q.kind === 'rating' && (q.weight === null || q.weight === undefined)) {
      problems.push({ field: `questions[${i}].weight`, message: 'a rated dimension needs a weight (1–100)' });
    }
    if (q.kind !== 'rating' && q.weight !== null && q.weight !== undefined) {
      problems.push({ field: `questions[${i}].weight`, message: `a ${q.kind} question has no weight` });
    }
  });
  const recommends = questions.map((q, i) => [q.kind, i] as const).filter(([k]) => k === 'recommend');
  if (recommends.length > 1) {
    problems.push({ field: `questions[${recommends[1][1]}].kind`, message: 'a survey asks "would you recommend us" at most once' });
  }
  return problems;
}

export function activationProblem(questions: readonly Pick<QuestionInput, 'kind'>[]): string | null {
  return questions.some((q) => q.kind === 'rating' || q.kind === 'recommend')
    ? null
    : 'a survey needs at least one rated or recommend question before it can be activated';
}
