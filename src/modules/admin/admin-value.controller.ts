import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../../common/api/error-responses';
import { StartValueRunUseCase } from '../value/use-cases/start-value-run.use-case';
import { UpdateValueSettingsUseCase } from '../value/use-cases/update-value-settings.use-case';
import { ValueService } from '../value/value.service';
import { ValueSettingsDto } from '../value/dto/value.dto';
import { JobAcceptedResponse } from '../jobs/dto/job.response';
import { MemberValueResponse, ValuePyramidResponse, ValueSettingsResponse } from '../value/dto/value.response';

@ApiTags('admin')
@Controller('api/v1/admin')
export class AdminValueController {
  constructor(
    private readonly value: ValueService,
    private readonly startRun: StartValueRunUseCase,
    private readonly settings: UpdateValueSettingsUseCase,
  ) {}

  @Get('value/settings')
  @RequirePermission('analytics.read')
  @ApiOperation({ summary: 'The value score’s weights and reference figures, and the grade shares (A, B; C is the rest)' })
  @ApiOkResponse({ type: ValueSettingsResponse })
  @AdminErrors()
  getSettings() {
    return this.settings.view();
  }

  @Put('value/settings')
  @RequirePermission('value.manage')
  @ApiOperation({
    summary: 'Replace the value settings; the next value run scores and grades by them',
    description:
      'score = Σ floor(weight‰ × figure × 1000 / reference) over 12-month spend, points earned and purchases. Field limits give 400 VALIDATION_FAILED; all weights 0, or grades A and B over 100%, give 422 VALUE_SETTINGS_INVALID; either way nothing is saved. Audited with the old and new values. A run already started keeps the settings it started with; rank tiers rank by the score of the last run.',
  })
  @ApiBody({
    type: ValueSettingsDto,
    examples: {
      spendHeavy: {
        summary: 'Spend counts most; the usual 80/15/5 grades',
        value: {
          weights: { spendPermille: 700, pointsPermille: 100, purchasesPermille: 200 },
          reference: { spendCents: 1_000_000, points: 10_000, purchases: 24 },
          grades: { aPercent: 80, bPercent: 15 },
        },
      },
    },
  })
  @ApiOkResponse({ type: ValueSettingsResponse })
  @AdminErrors(ErrorCode.VALUE_SETTINGS_INVALID)
  putSettings(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: ValueSettingsDto) {
    return this.settings.update(
      { type: 'admin', id: admin.adminId },
      { weights: dto.weights, reference: dto.reference, grades: dto.grades },
    );
  }

  @Get('members/:memberId/value')
  @RequirePermission('members.read')
  @ApiOperation({ summary: "A member's value as of the last value run: score, grade A/B/C, RFM 1–5 and rank" })
  @ApiOkResponse({ type: MemberValueResponse })
  @AdminErrors(ErrorCode.VALUE_NOT_COMPUTED)
  memberValue(@Param('memberId', new ParseUUIDPipe()) memberId: string) {
    return this.value.memberValue(memberId);
  }

  @Get('analytics/value-pyramid')
  @RequirePermission('analytics.read')
  @ApiOperation({
    summary: 'Members and share of spend per value grade at the last value run, and how members moved between grades since the run before',
  })
  @ApiOkResponse({ type: ValuePyramidResponse })
  @AdminErrors(ErrorCode.VALUE_NOT_COMPUTED)
  pyramid() {
    return this.value.pyramid();
  }

  @Post('analytics/value-runs')
  @HttpCode(202)
  @RequirePermission('value.run')
  @ApiOperation({
    summary: 'Start a value run now (it also runs daily at 02:00 UTC): scores over member-id ranges, then grades, RFM and ranks',
  })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  @AdminErrors()
  async startValueRun(@CurrentAdmin() admin: AdminPrincipal) {
    const { runId } = await this.startRun.start(new Date(), admin.adminId);
    return { jobId: runId };
  }
}
