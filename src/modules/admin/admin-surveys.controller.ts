import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminErrors } from '../../common/api/error-responses';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { can } from '../auth/permissions';
import { CurrentAdmin } from '../auth/principals';
import {
  CreateSurveyDto,
  SatisfactionLoyaltyQuery,
  SurveyListQuery,
  SurveyRemindersDto,
  SurveyResultsQuery,
  SurveyStatusDto,
  SurveyTextQuery,
  UpdateSurveyDto,
} from '../surveys/dto/survey.dto';
import {
  SatisfactionLoyaltyResponse,
  SurveyListResponse,
  SurveyRemindersResponse,
  SurveyResponse,
  SurveyResultsResponse,
  TextAnswersResponse,
} from '../surveys/dto/survey.response';
import { ChangeSurveyStatusUseCase } from '../surveys/use-cases/change-survey-status.use-case';
import { FindSurveysUseCase } from '../surveys/use-cases/find-surveys.use-case';
import { SaveSurveyUseCase } from '../surveys/use-cases/save-survey.use-case';
import { SurveyResultsUseCase } from '../surveys/use-cases/survey-results.use-case';
import { TextAnswersUseCase } from '../surveys/use-cases/text-answers.use-case';
import { SatisfactionLoyaltyUseCase } from '../surveys/use-cases/satisfaction-loyalty.use-case';
import { SendRemindersUseCase } from '../surveys/use-cases/send-reminders.use-case';
import { actorOf } from './admin-actor';

/** Satisfaction surveys: marketers and admins build and run them (surveys.manage); every role reads results. */
@ApiTags('admin')
@RequirePermission('surveys.read')
@Controller('api/v1/admin/surveys')
export class AdminSurveysController {
  constructor(
    private readonly save: SaveSurveyUseCase,
    private readonly status: ChangeSurveyStatusUseCase,
    private readonly find: FindSurveysUseCase,
    private readonly figures: SurveyResultsUseCase,
    private readonly texts: TextAnswersUseCase,
    private readonly loyalty: SatisfactionLoyaltyUseCase,
    private readonly reminders: SendRemindersUseCase,
  ) {}

  @Post()
  @RequirePermission('surveys.manage')
  @ApiOperation({
    summary: 'Create a survey (a draft): rated dimensions with weights, the recommend question, free text; zh-CN and English; audited',
    description:
      'Post-purchase invitations: afterPurchase, samplePercent, storeIds, cooldownDays (per member), validDays (the link’s life).',
  })
  @ApiCreatedResponse({ type: SurveyResponse })
  @AdminErrors()
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateSurveyDto) {
    return this.save.create(actorOf(admin), dto);
  }

  @Get()
  @ApiOperation({ summary: 'Surveys, newest first' })
  @ApiOkResponse({ type: SurveyListResponse })
  @AdminErrors()
  list(@Query() q: SurveyListQuery) {
    return this.find.list(q.status ?? null, q.cursor ?? null, q.limit ?? 50);
  }

  @Get(':surveyId')
  @ApiOperation({ summary: 'A survey with its questions' })
  @ApiOkResponse({ type: SurveyResponse })
  @AdminErrors(ErrorCode.SURVEY_NOT_FOUND)
  one(@Param('surveyId', new ParseUUIDPipe()) id: string) {
    return this.find.one(id);
  }

  @Patch(':surveyId')
  @RequirePermission('surveys.manage')
  @ApiOperation({ summary: 'Change titles and invitation settings; questions only while a draft (409 SURVEY_NOT_EDITABLE after); audited' })
  @ApiOkResponse({ type: SurveyResponse })
  @AdminErrors(ErrorCode.SURVEY_NOT_FOUND, ErrorCode.SURVEY_NOT_EDITABLE)
  update(@CurrentAdmin() admin: AdminPrincipal, @Param('surveyId', new ParseUUIDPipe()) id: string, @Body() dto: UpdateSurveyDto) {
    return this.save.update(actorOf(admin), id, dto);
  }

  @Post(':surveyId/status')
  @HttpCode(200)
  @RequirePermission('surveys.manage')
  @ApiOperation({ summary: 'Activate a draft (needs a rated or recommend question) or close an active survey; audited' })
  @ApiOkResponse({ type: SurveyResponse })
  @AdminErrors(ErrorCode.SURVEY_NOT_FOUND, ErrorCode.SURVEY_NOT_EDITABLE)
  setStatus(@CurrentAdmin() admin: AdminPrincipal, @Param('surveyId', new ParseUUIDPipe()) id: string, @Body() dto: SurveyStatusDto) {
    return this.status.change(actorOf(admin), id, dto.status);
  }

  @Get(':surveyId/results')
  @ApiOperation({
    summary:
      'Satisfaction index, promoter score, responses and response rate, overall and by store, tier, club or month; each question’s distribution',
    description:
      'Index = Σ(dimension mean scaled to 0–100, (mean − 1) / 4 × 100, × weight) / Σ weight; promoter score = % answering 9–10 − % answering 0–6. Grouped by the invitation: its store, the member’s tier when invited, clubs the member is in now, the month it was made (China time).',
  })
  @ApiOkResponse({ type: SurveyResultsResponse })
  @AdminErrors(ErrorCode.SURVEY_NOT_FOUND)
  results(@Param('surveyId', new ParseUUIDPipe()) id: string, @Query() q: SurveyResultsQuery) {
    return this.figures.results(
      {
        surveyId: id,
        from: q.from ? new Date(q.from) : null,
        to: q.to ? new Date(q.to) : null,
        storeId: q.storeId ?? null,
        tierCode: q.tier ?? null,
        clubId: q.clubId ?? null,
      },
      q.by ?? 'survey',
    );
  }

  @Get(':surveyId/answers')
  @ApiOperation({ summary: 'Free-text answers, newest first, searchable; masked without members.pii' })
  @ApiOkResponse({ type: TextAnswersResponse })
  @AdminErrors(ErrorCode.SURVEY_NOT_FOUND)
  answers(@CurrentAdmin() admin: AdminPrincipal, @Param('surveyId', new ParseUUIDPipe()) id: string, @Query() q: SurveyTextQuery) {
    return this.texts.list(id, q.q ?? null, q.cursor ?? null, q.limit ?? 50, !can(admin.role, 'members.pii'));
  }

  @Get(':surveyId/loyalty')
  @ApiOperation({
    summary: 'Satisfaction beside loyalty by store: respondents by satisfaction band, with their repeat-purchase rate and churn',
    description:
      'Band by the respondent’s own index (≥ 80 high, 60–80 medium, < 60 low; else their recommend class); repeat = 2+ purchases in the period; churn = no purchase in the 90 days before its end.',
  })
  @ApiOkResponse({ type: SatisfactionLoyaltyResponse })
  @AdminErrors(ErrorCode.SURVEY_NOT_FOUND)
  loyaltyReport(@Param('surveyId', new ParseUUIDPipe()) id: string, @Query() q: SatisfactionLoyaltyQuery) {
    return this.loyalty.report(id, new Date(q.from), new Date(q.to));
  }

  @Post(':surveyId/reminders')
  @HttpCode(200)
  @RequirePermission('surveys.manage')
  @ApiOperation({
    summary:
      'Remind members whose invitation is still open (made at least olderThanHours ago): at most one reminder per invitation; audited',
  })
  @ApiOkResponse({ type: SurveyRemindersResponse })
  @AdminErrors(ErrorCode.SURVEY_NOT_FOUND, ErrorCode.SURVEY_NOT_EDITABLE)
  remind(@CurrentAdmin() admin: AdminPrincipal, @Param('surveyId', new ParseUUIDPipe()) id: string, @Body() dto: SurveyRemindersDto) {
    return this.reminders.remind(actorOf(admin), id, dto.olderThanHours ?? 48);
  }
}
