import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Transactions } from '../../../database/transactions';
import { SubmitSurveyDto } from '../dto/survey.dto';
import { InvitationSurveyResponse, SubmitSurveyResponse } from '../dto/survey.response';
import { SurveyInvitation } from '../entities/survey-invitation.entity';
import { SurveyQuestion } from '../entities/survey-question.entity';
import { Survey } from '../entities/survey.entity';
import { verifySurveyLink } from '../rules/survey-link';
import { alreadyAnswered, invitationInvalid, surveyInvalid } from '../surveys.errors';
import { questionView } from '../survey-views';
import { SurveysRepository } from '../surveys.repository';

/**
 * The member's side of an invitation, by its signed link (no sign-in: the
 * link is the key, usable once): the survey to answer, and the answers. The
 * answers are stored once per invitation — the invitation turns from open to
 * answered by a conditional UPDATE in the same transaction as the answers, so
 * a second submission (or two at once) is 409 SURVEY_ALREADY_ANSWERED and
 * writes nothing. Each answer is checked against its question: the scale
 * (1–5 rated, 0–10 recommend), text only for free text, every required
 * question answered; a bad answer is 400 naming answers[N].
 */
@Injectable()
export class AnswerSurveyUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SurveysRepository,
    private readonly config: AppConfig,
  ) {}

  async open(token: string): Promise<InvitationSurveyResponse> {
    const { invitation, survey, questions } = await this.usable(token, new Date());
    return {
      surveyId: survey.id,
      titleZh: survey.titleZh,
      titleEn: survey.titleEn,
      questions: questions.map(questionView),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  async submit(token: string, dto: SubmitSurveyDto): Promise<SubmitSurveyResponse> {
    const now = new Date();
    const { invitation, questions } = await this.usable(token, now);
    const rows = checkAnswers(questions, dto);
    await this.transactions.retrying(async (m) => {
      if (!(await this.repo.markAnswered(m, invitation.id, now))) {
        const current = await this.repo.invitation(invitation.id, m);
        throw current?.status === 'answered' ? alreadyAnswered() : invitationInvalid('expired');
      }
      await this.repo.insertAnswers(
        m,
        rows.map((r) => ({
          ...r,
          invitationId: invitation.id,
          surveyId: invitation.surveyId,
          memberId: invitation.memberId,
          createdAt: now,
        })),
      );
    });
    return { answers: rows.length, answeredAt: now.toISOString() };
  }

  private async usable(token: string, now: Date): Promise<{ invitation: SurveyInvitation; survey: Survey; questions: SurveyQuestion[] }> {
    const id = verifySurveyLink(token, this.config.jwt.secret);
    const invitation = id ? await this.repo.invitation(id) : null;
    if (!invitation) {
      throw invitationInvalid('invalid');
    }
    if (invitation.status === 'answered') {
      throw alreadyAnswered();
    }
    if (invitation.status === 'expired' || invitation.expiresAt.getTime() <= now.getTime()) {
      throw invitationInvalid('expired');
    }
    const survey = await this.repo.survey(invitation.surveyId);
    if (!survey || survey.status === 'closed') {
      throw invitationInvalid('closed');
    }
    return { invitation, survey, questions: await this.repo.questions(survey.id) };
  }
}

function checkAnswers(
  questions: SurveyQuestion[],
  dto: SubmitSurveyDto,
): Array<{ questionId: string; score: number | null; text: string | null }> {
  const problems: Array<{ field: string; message: string }> = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const rows: Array<{ questionId: string; score: number | null; text: string | null }> = [];
  dto.answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    const field = `answers[${i}]`;
    if (!q) {
      problems.push({ field: `${field}.questionId`, message: 'not a question of this survey' });
      return;
    }
    if (seen.has(q.id)) {
      problems.push({ field: `${field}.questionId`, message: 'answered twice' });
      return;
    }
    seen.add(q.id);
    if (q.kind === 'text') {
      const text = a.text?.trim() ?? '';
      if (a.score !== undefined) {
        problems.push({ field: `${field}.score`, message: 'a free-text question takes text, not a score' });
      } else if (text.length > 0) {
        rows.push({ questionId: q.id, score: null, text });
      }
      return;
    }
    const [low, high] = q.kind === 'rating' ? [1, 5] : [0, 10];
    if (a.score === undefined || a.score < low || a.score > high) {
      problems.push({ field: `${field}.score`, message: `a score from ${low} to ${high}` });
    } else if (a.text !== undefined) {
      problems.push({ field: `${field}.text`, message: 'a scored question takes a score, not text' });
    } else {
      rows.push({ questionId: q.id, score: a.score, text: null });
    }
  });
  questions.forEach((q) => {
    if (q.required && !rows.some((r) => r.questionId === q.id)) {
      problems.push({ field: 'answers', message: `question ${q.position} (${q.textEn}) needs an answer` });
    }
  });
  if (problems.length > 0) {
    throw surveyInvalid(problems);
  }
  return rows;
}
