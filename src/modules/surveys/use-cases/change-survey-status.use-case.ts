import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { SurveyResponse } from '../dto/survey.response';
import { activationProblem } from '../rules/survey-definition';
import { surveyNotEditable, surveyNotFound } from '../surveys.errors';
import { surveyView } from '../survey-views';
import { SurveysRepository } from '../surveys.repository';

/** draft → active (needs a scored question) → closed; anything else is 409 SURVEY_NOT_EDITABLE. Audited. */
@Injectable()
export class ChangeSurveyStatusUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SurveysRepository,
    private readonly audit: AuditService,
  ) {}

  async change(actor: Actor, id: string, to: 'active' | 'closed'): Promise<SurveyResponse> {
    return this.transactions.retrying(async (m) => {
      const survey = await this.repo.lockSurvey(m, id);
      if (!survey) {
        throw surveyNotFound(id);
      }
      const questions = await this.repo.questions(id, m);
      const allowed = (survey.status === 'draft' && to === 'active') || (survey.status === 'active' && to === 'closed');
      if (!allowed) {
        throw surveyNotEditable(`a ${survey.status} survey cannot become ${to} (draft → active → closed)`, 'status');
      }
      const problem = to === 'active' ? activationProblem(questions) : null;
      if (problem) {
        throw surveyNotEditable(problem, 'questions');
      }
      const now = new Date();
      const changes = to === 'active' ? { status: to, activatedAt: now, updatedAt: now } : { status: to, closedAt: now, updatedAt: now };
      await this.repo.updateSurvey(m, id, changes);
      await this.audit.record(
        actor,
        `survey.${to === 'active' ? 'activate' : 'close'}`,
        { type: 'survey', id },
        { from: survey.status, to },
        m,
      );
      return surveyView({ ...survey, ...changes }, questions);
    });
  }
}
