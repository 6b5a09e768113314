import { Injectable } from '@nestjs/common';
import { maskMessageText } from '../../messages/rules/mask-text';
import { TextAnswersResponse } from '../dto/survey.response';
import { surveyNotFound } from '../surveys.errors';
import { SurveysRepository } from '../surveys.repository';

/** Free-text answers of a survey, newest first, searchable by words; masked for roles without members.pii. */
@Injectable()
export class TextAnswersUseCase {
  constructor(private readonly repo: SurveysRepository) {}

  async list(surveyId: string, q: string | null, cursor: number | null, limit: number, masked: boolean): Promise<TextAnswersResponse> {
    if (!(await this.repo.survey(surveyId))) {
      throw surveyNotFound(surveyId);
    }
    const rows = await this.repo.textAnswers(surveyId, q, cursor, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        answerId: r.id,
        questionId: r.questionId,
        memberId: r.memberId,
        storeId: r.storeId,
        text: masked ? maskMessageText(r.text, r.memberName, false) : r.text,
        at: r.createdAt.toISOString(),
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  }
}
