import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/api/pagination';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { SURVEY_STATUSES, SurveyStatus } from '../entities/survey.entity';
import { QUESTION_KINDS, QuestionKind } from '../rules/survey-definition';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const TIER_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export class SurveyQuestionDto {
  @ApiProperty({
    enum: QUESTION_KINDS,
    description:
      'rating: a dimension answered 5 (very satisfied) … 1 (very dissatisfied), with a weight; recommend: 0–10; text: free text.',
  })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty({ minLength: 1, maxLength: 300, example: '您对店员的服务满意吗？' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(300)
  @IsSafeText()
  textZh: string;

  @ApiProperty({ minLength: 1, maxLength: 300, example: 'How satisfied are you with our staff?' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(300)
  @IsSafeText()
  textEn: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, nullable: true, description: 'Rated dimensions only.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number | null;

  @ApiPropertyOptional({
    type: 'boolean',
    description: 'Must be answered to submit; default true for scored questions, false for free text.',
  })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class SurveyInvitationSettingsDto {
  @ApiPropertyOptional({ type: 'boolean', default: false, description: 'Invite sampled members after a purchase while active.' })
  @IsOptional()
  @IsBoolean()
  afterPurchase?: boolean;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: 100,
    default: 0,
    description: 'Percent of purchases sampled (two decimals).',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  samplePercent?: number;

  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Only purchases at these stores (null or empty: every store).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  storeIds?: string[] | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 365,
    default: 30,
    description: 'No new invitation within this many days of the last.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  cooldownDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 60, default: 7, description: 'Days an invitation can be answered.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  validDays?: number;
}

export class CreateSurveyDto extends SurveyInvitationSettingsDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: '门店满意度调查' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  titleZh: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Store satisfaction survey' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  titleEn: string;

  @ApiProperty({ type: [SurveyQuestionDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions: SurveyQuestionDto[];
}

/** Titles and invitation settings change at any time; questions only while the survey is a draft. */
export class UpdateSurveyDto extends SurveyInvitationSettingsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  titleZh?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  titleEn?: string;

  @ApiPropertyOptional({
    type: [SurveyQuestionDto],
    minItems: 1,
    maxItems: 30,
    description: 'Drafts only (409 SURVEY_NOT_EDITABLE after).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions?: SurveyQuestionDto[];
}

export class SurveyStatusDto {
  @ApiProperty({ enum: ['active', 'closed'], description: 'draft → active → closed.' })
  @IsIn(['active', 'closed'])
  status: 'active' | 'closed';
}

export class SurveyListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SURVEY_STATUSES })
  @IsOptional()
  @IsIn(SURVEY_STATUSES)
  status?: SurveyStatus;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

export class SurveyResultsQuery {
  @ApiPropertyOptional({ enum: ['survey', 'store', 'tier', 'club', 'month'], default: 'survey', description: 'Rows by this.' })
  @IsOptional()
  @IsIn(['survey', 'store', 'tier', 'club', 'month'])
  by?: 'survey' | 'store' | 'tier' | 'club' | 'month';

  @ApiPropertyOptional({ description: 'Invitations made at or after (ISO 8601 with offset).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  from?: string;

  @ApiPropertyOptional({ description: 'Invitations made before (ISO 8601 with offset).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  to?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @ApiPropertyOptional({ example: 'gold' })
  @IsOptional()
  @Matches(TIER_CODE)
  tier?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clubId?: string;
}

export class SurveyTextQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'Words to find in the answers.' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(100)
  q?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int64', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cursor?: number;
}

export class SurveyAnswerDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  @IsUUID()
  questionId: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10, description: 'rating: 1–5; recommend: 0–10.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  score?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxCodePoints(2000)
  @IsSafeText()
  text?: string;
}

export class SubmitSurveyDto {
  @ApiProperty({ type: [SurveyAnswerDto], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers: SurveyAnswerDto[];
}

export class SatisfactionLoyaltyQuery {
  @ApiProperty({
    description: 'Answers given at or after (ISO 8601 with offset); purchases counted from then.',
    example: '2026-10-01T00:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  from: string;

  @ApiProperty({ description: 'Answers given before (ISO 8601 with offset); the period’s end.', example: '2027-01-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: '$property must carry a time zone offset, e.g. +08:00 or Z' })
  to: string;
}

export class SurveyRemindersDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1440,
    default: 48,
    description: 'Remind invitations made at least this many hours ago.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  olderThanHours?: number;
}
