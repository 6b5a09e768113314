import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../../common/ids';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { CreateSurveyDto, SurveyQuestionDto, UpdateSurveyDto } from '../dto/survey.dto';
import { SurveyResponse } from '../dto/survey.response';
import { SurveyQuestion } from '../entities/survey-question.entity';
import { Survey } from '../entities/survey.entity';
import { questionProblems } from '../rules/survey-definition';
import { surveyInvalid, surveyNotEditable, surveyNotFound } from '../surveys.errors';
import { surveyView } from '../survey-views';
import { SurveysRepository } from '../surveys.repository';

/**
 * Creates a survey as a draft, or changes one: titles and invitation settings
 * at any time, questions only in draft (answers refer to them). Each problem
 * of the questions is named (questions[N].field); audited.
 */
@Injectable()
export class SaveSurveyUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SurveysRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateSurveyDto): Promise<SurveyResponse> {
    check(dto.questions);
    const now = new Date();
    const survey: Survey = {
      id: newId(),
      titleZh: dto.titleZh,
      titleEn: dto.titleEn,
      status: 'draft',
      afterPurchase: dto.afterPurchase ?? false,
      samplePercent: dto.samplePercent ?? 0,
      storeIds: dto.storeIds && dto.storeIds.length > 0 ? JSON.stringify(dto.storeIds) : null,
      cooldownDays: dto.cooldownDays ?? 30,
      validDays: dto.validDays ?? 7,
      createdAt: now,
      updatedAt: now,
      activatedAt: null,
      closedAt: null,
    };
    const questions = toQuestions(survey.id, dto.questions);
    await this.transactions.retrying(async (m) => {
      await this.repo.insertSurvey(m, survey);
      await this.repo.replaceQuestions(m, survey.id, questions);
      await this.audit.record(
        actor,
        'survey.create',
        { type: 'survey', id: survey.id },
        { titleEn: survey.titleEn, questions: questions.length },
        m,
      );
    });
    return surveyView(survey, questions);
  }

  async update(actor: Actor, id: string, dto: UpdateSurveyDto): Promise<SurveyResponse> {
    if (dto.questions) {
      check(dto.questions);
    }
    return this.transactions.retrying(async (m: EntityManager) => {
      const survey = await this.repo.lockSurvey(m, id);
      if (!survey) {
        throw surveyNotFound(id);
      }
      if (dto.questions && survey.status !== 'draft') {
        throw surveyNotEditable(`it is ${survey.status}: questions change only in a draft (answers refer to them)`, 'questions');
      }
      const changes: Partial<Survey> = { updatedAt: new Date() };
      for (const key of ['titleZh', 'titleEn', 'afterPurchase', 'samplePercent', 'cooldownDays', 'validDays'] as const) {
        if (dto[key] !== undefined) {
          Object.assign(changes, { [key]: dto[key] });
        }
      }
      if (dto.storeIds !== undefined) {
        changes.storeIds = dto.storeIds && dto.storeIds.length > 0 ? JSON.stringify(dto.storeIds) : null;
      }
      await this.repo.updateSurvey(m, id, changes);
      if (dto.questions) {
        await this.repo.replaceQuestions(m, id, toQuestions(id, dto.questions));
      }
      await this.audit.record(actor, 'survey.update', { type: 'survey', id }, { fields: Object.keys(dto) }, m);
      return surveyView({ ...survey, ...changes }, await this.repo.questions(id, m));
    });
  }
}

function check(questions: SurveyQuestionDto[]): void {
  const problems = questionProblems(questions);
  if (problems.length > 0) {
    throw surveyInvalid(problems);
  }
}

function toQuestions(surveyId: string, questions: SurveyQuestionDto[]): SurveyQuestion[] {
  return questions.map((q, i) => ({
    id: newId(),
    surveyId,
    position: i + 1,
    kind: q.kind,
    textZh: q.textZh,
    textEn: q.textEn,
    weight: q.kind === 'rating' ? (q.weight ?? null) : null,
    required: q.required ?? q.kind !== 'text',
  }));
}
