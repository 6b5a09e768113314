import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../pos/pos.openapi';
import { StartValueRunUseCase } from '../value/use-cases/start-value-run.use-case';
import { ValueService } from '../value/value.service';
import { JobAcceptedResponse, MemberValueResponse, ValuePyramidResponse } from './dto/value.response';

@ApiTags('admin')
@Controller('api/v1/admin')
export class AdminValueController {
  constructor(
    private readonly value: ValueService,
    private readonly startRun: StartValueRunUseCase,
  ) {}

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
    const { runId } = await this.startRun.execute(new Date(), admin.adminId);
    return { jobId: runId };
  }
}
