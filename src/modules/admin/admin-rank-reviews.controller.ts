import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../../common/api/error-responses';
import { StartRankReviewUseCase } from '../tiers/rank-review/start-rank-review.use-case';
import { JobAcceptedResponse } from '../jobs/dto/job.response';

@ApiTags('admin')
@RequirePermission('tiers.manage')
@Controller('api/v1/admin/tiers/rank-reviews')
export class AdminRankReviewsController {
  constructor(private readonly start: StartRankReviewUseCase) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Start a rank review now (it also runs monthly, on the 1st at 03:00 UTC, between the daily value run and the daily tier review): each rank tier goes to its top N members (or top x% of all members) by value score among those meeting its minimum; picks are reviewed at the next rank review; holders not picked step down to the highest threshold tier they qualify for, never below a tier granted to them, and stay while a grant of the rank tier is open; each run records whom it picked (a grant of a rank tier that ends keeps the tier only for a member the last rank review picked). Merged and erased members take no seat. 409 RANK_REVIEW_NEEDS_VALUE_RUN (nothing started) while no finished value run covers the current month: run the value run first',
  })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  @AdminErrors(ErrorCode.RANK_REVIEW_NEEDS_VALUE_RUN)
  async startReview(@CurrentAdmin() admin: AdminPrincipal) {
    const { runId } = await this.start.start(new Date(), admin.adminId);
    return { jobId: runId };
  }
}
