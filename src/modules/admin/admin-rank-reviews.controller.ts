import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../pos/pos.openapi';
import { StartRankReviewUseCase } from '../tiers/rank-review/start-rank-review.use-case';
import { JobAcceptedResponse } from './dto/job.response';

@ApiTags('admin')
@RequirePermission('tiers.manage')
@Controller('api/v1/admin/tiers/rank-reviews')
export class AdminRankReviewsController {
  constructor(private readonly start: StartRankReviewUseCase) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Start a rank review now (it also runs monthly, on the 1st at 03:00 UTC, between the daily value run and the daily tier review): each rank tier goes to its top N members (or top x% of all members) by value score among those meeting its minimum; picks are reviewed at the next rank review; holders not picked step down to the highest threshold tier they qualify for, never below a tier granted to them, and stay while a grant of the rank tier is open',
  })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  @AdminErrors()
  async startReview(@CurrentAdmin() admin: AdminPrincipal) {
    const { runId } = await this.start.execute(new Date(), admin.adminId);
    return { jobId: runId };
  }
}
