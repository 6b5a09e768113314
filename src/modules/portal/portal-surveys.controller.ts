import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PortalErrors } from '../../common/api/error-responses';
import { ErrorCode } from '../../common/errors/error-code';
import { SubmitSurveyDto } from '../surveys/dto/survey.dto';
import { InvitationSurveyResponse, SubmitSurveyResponse } from '../surveys/dto/survey.response';
import { AnswerSurveyUseCase } from '../surveys/use-cases/answer-survey.use-case';

const TOKEN_PARAM = {
  name: 'token',
  description: 'The signed link from the invitation message: `<invitation id>.<signature>`.',
  schema: { type: 'string' as const, pattern: '^[0-9a-f-]{36}\\.[A-Za-z0-9_-]{22}$' },
};

/** A survey invitation's signed link: no sign-in (the link is the key), answered once. */
@ApiTags('portal')
@Controller('api/v1/portal/surveys')
export class PortalSurveysController {
  constructor(private readonly answering: AnswerSurveyUseCase) {}

  @Get(':token')
  @ApiOperation({ summary: 'The survey behind an invitation link: its questions in both languages, and until when the link works' })
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ type: InvitationSurveyResponse })
  @PortalErrors(ErrorCode.SURVEY_INVITATION_INVALID, ErrorCode.SURVEY_ALREADY_ANSWERED)
  open(@Param('token') token: string) {
    return this.answering.open(token);
  }

  @Post(':token/answers')
  @ApiOperation({
    summary: 'Answer the survey, once per invitation: a second submission is 409 SURVEY_ALREADY_ANSWERED and changes nothing',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiCreatedResponse({ type: SubmitSurveyResponse })
  @PortalErrors(ErrorCode.SURVEY_INVITATION_INVALID, ErrorCode.SURVEY_ALREADY_ANSWERED)
  submit(@Param('token') token: string, @Body() dto: SubmitSurveyDto) {
    return this.answering.submit(token, dto);
  }
}
