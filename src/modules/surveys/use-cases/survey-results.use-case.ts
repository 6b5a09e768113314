import { Injectable } from '@nestjs/common';
import { QuestionResult, SatisfactionFigures, SurveyResultsResponse } from '../dto/survey.response';
import { SurveyQuestion } from '../entities/survey-question.entity';
import { answersIn, Distribution, meanOf, promoterScore, responseRate, satisfactionIndex } from '../rules/satisfaction-index';
import { surveyNotFound } from '../surveys.errors';
import { ResultsBy, ResultsFilter, SurveysRepository } from '../surveys.repository';

type Dists = Map<string, Record<number, number>>;

/**
 * A survey's results: the satisfaction index, the promoter score, invitations,
 * responses and the response rate, for the whole survey (within the filters)
 * and by store, tier (when invited), club (members in it now) or month of the
 * invitation (China time); and each question's answers with the distribution
 * over its whole scale. Every figure comes from the rules in
 * rules/satisfaction-index.ts over answer counts read by SQL.
 */
@Injectable()
export class SurveyResultsUseCase {
  constructor(private readonly repo: SurveysRepository) {}

  async results(filter: ResultsFilter, by: ResultsBy): Promise<SurveyResultsResponse> {
    const survey = await this.repo.survey(filter.surveyId);
    if (!survey) {
      throw surveyNotFound(filter.surveyId);
    }
    const questions = await this.repo.questions(survey.id);
    const [overallDist, overallCounts, groupDist, groupCounts, texts] = await Promise.all([
      this.repo.distributions(filter, 'survey'),
      this.repo.invitationCounts(filter, 'survey'),
      by === 'survey' ? Promise.resolve(null) : this.repo.distributions(filter, by),
      by === 'survey' ? Promise.resolve(null) : this.repo.invitationCounts(filter, by),
      this.repo.textCounts(survey.id),
    ]);
    const overall = byQuestion(overallDist);
    const total = overallCounts.get('') ?? { invited: 0, answered: 0 };
    const rows = [];
    if (groupDist && groupCounts) {
      const grouped = new Map<string, typeof groupDist>();
      for (const d of groupDist) {
        grouped.set(d.group, [...(grouped.get(d.group) ?? []), d]);
      }
      const keys = [...new Set([...groupCounts.keys(), ...grouped.keys()])].sort();
      const names = await this.repo.groupNames(by, keys);
      for (const key of keys) {
        rows.push({
          key,
          name: names.get(key) ?? null,
          ...figures(questions, byQuestion(grouped.get(key) ?? []), groupCounts.get(key) ?? { invited: 0, answered: 0 }),
        });
      }
    } else {
      rows.push({ key: '', name: null, ...figures(questions, overall, total) });
    }
    return {
      surveyId: survey.id,
      by,
      ...figures(questions, overall, total),
      questions: questions.map((q) => questionResult(q, overall.get(q.id) ?? {}, texts.get(q.id) ?? 0)),
      rows,
    };
  }
}

function byQuestion(rows: Array<{ questionId: string; score: number; n: number }>): Dists {
  const out: Dists = new Map();
  for (const r of rows) {
    const d = out.get(r.questionId) ?? {};
    d[r.score] = (d[r.score] ?? 0) + r.n;
    out.set(r.questionId, d);
  }
  return out;
}

function figures(questions: SurveyQuestion[], dists: Dists, counts: { invited: number; answered: number }): SatisfactionFigures {
  const index = satisfactionIndex(
    questions.filter((q) => q.kind === 'rating').map((q) => ({ weight: q.weight ?? 1, answers: dists.get(q.id) ?? {} })),
  );
  const recommend = questions.find((q) => q.kind === 'recommend');
  const nps = promoterScore(recommend ? (dists.get(recommend.id) ?? {}) : {});
  return {
    index: index.index,
    promoterScore: nps.score,
    promoters: nps.promoters,
    passives: nps.passives,
    detractors: nps.detractors,
    invited: counts.invited,
    responses: counts.answered,
    responseRate: responseRate(counts.answered, counts.invited),
  };
}

function questionResult(q: SurveyQuestion, d: Distribution, textAnswers: number): QuestionResult {
  const scale = q.kind === 'rating' ? [1, 2, 3, 4, 5] : q.kind === 'recommend' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [];
  const mean = q.kind === 'text' ? null : meanOf(d);
  return {
    questionId: q.id,
    kind: q.kind,
    textZh: q.textZh,
    textEn: q.textEn,
    weight: q.weight,
    answers: q.kind === 'text' ? textAnswers : answersIn(d),
    mean: mean === null ? null : Math.round(mean * 100) / 100,
    scaled: q.kind === 'rating' && mean !== null ? Math.round(((mean - 1) / 4) * 1000) / 10 : null,
    distribution: scale.map((score) => ({ score, count: d[score] ?? 0 })),
  };
}
