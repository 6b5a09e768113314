import { ApiProperty } from '@nestjs/swagger';
import { SURVEY_STATUSES } from '../entities/survey.entity';
import { QUESTION_KINDS } from '../rules/survey-definition';

export class SurveyQuestionResponse {
  @ApiProperty({ type: 'string', format: 'uuid' })
  questionId: string;
  @ApiProperty({ enum: QUESTION_KINDS })
  kind: string;
  @ApiProperty()
  textZh: string;
  @ApiProperty()
  textEn: string;
  @ApiProperty({ type: 'integer', nullable: true })
  weight: number | null;
  @ApiProperty()
  required: boolean;
}

export class SurveyResponse {
  @ApiProperty({ type: 'string', format: 'uuid' })
  surveyId: string;
  @ApiProperty()
  titleZh: string;
  @ApiProperty()
  titleEn: string;
  @ApiProperty({ enum: SURVEY_STATUSES })
  status: string;
  @ApiProperty()
  afterPurchase: boolean;
  @ApiProperty({ type: 'number' })
  samplePercent: number;
  @ApiProperty({ type: [String], nullable: true })
  storeIds: string[] | null;
  @ApiProperty({ type: 'integer' })
  cooldownDays: number;
  @ApiProperty({ type: 'integer' })
  validDays: number;
  @ApiProperty({ type: [SurveyQuestionResponse] })
  questions: SurveyQuestionResponse[];
  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  activatedAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  closedAt: string | null;
}

export class SurveyListResponse {
  @ApiProperty({ type: [SurveyResponse] })
  items: SurveyResponse[];
  @ApiProperty({ type: 'string', nullable: true })
  nextCursor: string | null;
}

export class ScoreCount {
  @ApiProperty({ type: 'integer' })
  score: number;
  @ApiProperty({ type: 'integer' })
  count: number;
}

export class QuestionResult {
  @ApiProperty({ type: 'string', format: 'uuid' })
  questionId: string;
  @ApiProperty({ enum: QUESTION_KINDS })
  kind: string;
  @ApiProperty()
  textZh: string;
  @ApiProperty()
  textEn: string;
  @ApiProperty({ type: 'integer', nullable: true })
  weight: number | null;
  @ApiProperty({ type: 'integer', description: 'Answers given.' })
  answers: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'rating: mean 1–5; recommend: mean 0–10.' })
  mean: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'rating: the mean scaled to 0–100 ((mean − 1) / 4 × 100).' })
  scaled: number | null;
  @ApiProperty({ type: [ScoreCount], description: 'Every score of the scale with its count (zeros included), low to high.' })
  distribution: ScoreCount[];
}

export class SatisfactionFigures {
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Satisfaction index 0–100: Σ(dimension mean scaled to 0–100 × weight) / Σ weight.',
  })
  index: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Promoter score −100…100: % answering 9–10 minus % answering 0–6.' })
  promoterScore: number | null;
  @ApiProperty({ type: 'integer' })
  promoters: number;
  @ApiProperty({ type: 'integer' })
  passives: number;
  @ApiProperty({ type: 'integer' })
  detractors: number;
  @ApiProperty({ type: 'integer', description: 'Invitations made.' })
  invited: number;
  @ApiProperty({ type: 'integer', description: 'Invitations answered.' })
  responses: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'responses / invited, percent.' })
  responseRate: number | null;
}

export class SurveyGroupRow extends SatisfactionFigures {
  @ApiProperty({ description: 'The store id, tier code, club id or month (YYYY-MM, China time); empty for the whole survey or no store.' })
  key: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'Its name (store, tier, club).' })
  name: string | null;
}

export class SurveyResultsResponse extends SatisfactionFigures {
  @ApiProperty({ type: 'string', format: 'uuid' })
  surveyId: string;
  @ApiProperty({ enum: ['survey', 'store', 'tier', 'club', 'month'] })
  by: string;
  @ApiProperty({ type: [QuestionResult] })
  questions: QuestionResult[];
  @ApiProperty({ type: [SurveyGroupRow], description: 'The figures by the chosen grouping.' })
  rows: SurveyGroupRow[];
}

export class TextAnswerResponse {
  @ApiProperty({ type: 'integer', format: 'int64' })
  answerId: number;
  @ApiProperty({ type: 'string', format: 'uuid' })
  questionId: string;
  @ApiProperty({ type: 'string', format: 'uuid' })
  memberId: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  storeId: string | null;
  @ApiProperty({ description: 'Masked without members.pii (the member’s name, runs of digits).' })
  text: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  at: string;
}

export class TextAnswersResponse {
  @ApiProperty({ type: [TextAnswerResponse] })
  items: TextAnswerResponse[];
  @ApiProperty({ type: 'integer', format: 'int64', nullable: true })
  nextCursor: number | null;
}

const QUESTION_EXAMPLE = {
  questionId: '0193b2c4-1234-7abc-8def-0123456789ac',
  kind: 'rating',
  textZh: '您对店员的服务满意吗？',
  textEn: 'How satisfied are you with our staff?',
  weight: 3,
  required: true,
};

export class InvitationSurveyResponse {
  @ApiProperty({ type: 'string', format: 'uuid', example: '0193b2c4-1234-7abc-8def-0123456789ab' })
  surveyId: string;
  @ApiProperty({ example: '门店满意度调查' })
  titleZh: string;
  @ApiProperty({ example: 'Store satisfaction survey' })
  titleEn: string;
  @ApiProperty({ type: [SurveyQuestionResponse], example: [QUESTION_EXAMPLE], description: 'In order: one per screen.' })
  questions: SurveyQuestionResponse[];
  @ApiProperty({ type: 'string', format: 'date-time', description: 'The link works until then.', example: '2026-12-14T08:00:00.000Z' })
  expiresAt: string;
}

export class SubmitSurveyResponse {
  @ApiProperty({ type: 'integer', example: 5, description: 'Answers stored.' })
  answers: number;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-12-07T09:30:00.000Z' })
  answeredAt: string;
}

export class SatisfactionLoyaltyRow {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'null: invitations without a store (campaigns).' })
  storeId: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  storeName: string | null;
  @ApiProperty({
    enum: ['high', 'medium', 'low'],
    description: 'The respondent’s own index ≥ 80, 60–80, < 60 (else their recommend class).',
  })
  band: string;
  @ApiProperty({ type: 'integer', description: 'Respondents of the store in the band.' })
  members: number;
  @ApiProperty({ type: 'number', nullable: true, description: '% of them with 2 or more purchases in the period.' })
  repeatRate: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: '% of them with no purchase in the 90 days before the period’s end.' })
  churnRate: number | null;
}

export class SatisfactionLoyaltyResponse {
  @ApiProperty({ type: 'string', format: 'uuid' })
  surveyId: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  from: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  to: string;
  @ApiProperty({ type: [SatisfactionLoyaltyRow], description: 'By store, then band (high, medium, low).' })
  rows: SatisfactionLoyaltyRow[];
}

export class SurveyRemindersResponse {
  @ApiProperty({ type: 'integer', description: 'Reminders queued now (each invitation is reminded at most once).' })
  reminded: number;
}
