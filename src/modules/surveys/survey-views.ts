import type { SurveyQuestionResponse, SurveyResponse } from './dto/survey.response';
import { SurveyQuestion } from './entities/survey-question.entity';
import { Survey } from './entities/survey.entity';

export function questionView(q: SurveyQuestion): SurveyQuestionResponse {
  return { questionId: q.id, kind: q.kind, textZh: q.textZh, textEn: q.textEn, weight: q.weight, required: q.required };
}

export function surveyView(s: Survey, questions: SurveyQuestion[]): SurveyResponse {
  return {
    surveyId: s.id,
    titleZh: s.titleZh,
    titleEn: s.titleEn,
    status: s.status,
    afterPurchase: s.afterPurchase,
    samplePercent: s.samplePercent,
    storeIds: s.storeIds ? (JSON.parse(s.storeIds) as string[]) : null,
    cooldownDays: s.cooldownDays,
    validDays: s.validDays,
    questions: questions.map(questionView),
    createdAt: s.createdAt.toISOString(),
    activatedAt: s.activatedAt ? s.activatedAt.toISOString() : null,
    closedAt: s.closedAt ? s.closedAt.toISOString() : null,
  };
}
