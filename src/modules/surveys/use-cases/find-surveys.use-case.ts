import { Injectable } from '@nestjs/common';
import { SurveyListResponse, SurveyResponse } from '../dto/survey.response';
import { SurveyStatus } from '../entities/survey.entity';
import { surveyNotFound } from '../surveys.errors';
import { surveyView } from '../survey-views';
import { SurveysRepository } from '../surveys.repository';

@Injectable()
export class FindSurveysUseCase {
  constructor(private readonly repo: SurveysRepository) {}

  async list(status: SurveyStatus | null, cursor: string | null, limit: number): Promise<SurveyListResponse> {
    const rows = await this.repo.list(status, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const items: SurveyResponse[] = [];
    for (const s of page) {
      items.push(surveyView(s, await this.repo.questions(s.id)));
    }
    return { items, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async one(id: string): Promise<SurveyResponse> {
    const s = await this.repo.survey(id);
    if (!s) {
      throw surveyNotFound(id);
    }
    return surveyView(s, await this.repo.questions(id));
  }
}
