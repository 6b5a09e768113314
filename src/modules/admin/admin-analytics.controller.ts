import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { liabilityCsv } from '../analytics/liability-csv';
import { GetCampaignResultsUseCase } from '../analytics/use-cases/get-campaign-results.use-case';
import { GetChurnUseCase } from '../analytics/use-cases/get-churn.use-case';
import { GetClubGrowthUseCase } from '../analytics/use-cases/get-club-growth.use-case';
import { GetDashboardUseCase } from '../analytics/use-cases/get-dashboard.use-case';
import { GetLiabilityUseCase } from '../analytics/use-cases/get-liability.use-case';
import { GetOverviewUseCase } from '../analytics/use-cases/get-overview.use-case';
import { GetLoyaltyUseCase } from '../analytics/use-cases/get-loyalty.use-case';
import { GetRfmUseCase } from '../analytics/use-cases/get-rfm.use-case';
import { GetTierMovementsUseCase } from '../analytics/use-cases/get-tier-movements.use-case';
import { StartSnapshotUseCase } from '../analytics/use-cases/start-snapshot.use-case';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../../common/api/error-responses';
import {
  AnalyticsRfmResponse,
  CampaignAnalyticsQuery,
  CampaignAnalyticsResponse,
  ChurnResponse,
  ClubGrowthQuery,
  DashboardResponse,
  LiabilityQuery,
  LiabilityResponse,
  LoyaltyResponse,
  TierMovementsResponse,
} from '../analytics/dto/analytics.response';
import { OverviewQuery, OverviewResponse } from '../analytics/dto/overview.response';
import { ClubAnalyticsResponse } from '../clubs/dto/club.response';
import { JobAcceptedResponse } from '../jobs/dto/job.response';

const FROM_SNAPSHOT =
  ' From the newest analytics snapshot (daily at 05:00 UTC, or POST analytics/snapshots); snapshotAt says when it was made, null when there is none yet (figures 0, lists empty).';

/** The console's charts. Heavy figures come precomputed from the newest snapshot; club growth and campaign results are live. */
@ApiTags('admin')
@RequirePermission('analytics.read')
@Controller('api/v1/admin/analytics')
export class AdminAnalyticsController {
  constructor(
    private readonly startSnapshot: StartSnapshotUseCase,
    private readonly dashboardUseCase: GetDashboardUseCase,
    private readonly churnUseCase: GetChurnUseCase,
    private readonly loyaltyUseCase: GetLoyaltyUseCase,
    private readonly liabilityUseCase: GetLiabilityUseCase,
    private readonly rfmUseCase: GetRfmUseCase,
    private readonly tierMovementsUseCase: GetTierMovementsUseCase,
    private readonly clubGrowthUseCase: GetClubGrowthUseCase,
    private readonly campaignResultsUseCase: GetCampaignResultsUseCase,
    private readonly overviewUseCase: GetOverviewUseCase,
  ) {}

  @Post('snapshots')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Make an analytics snapshot now (as of this instant); follow it at GET jobs/{jobId}. One at a time: while a snapshot is running, this answers its jobId.',
  })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  @AdminErrors()
  async snapshot(@CurrentAdmin() admin: AdminPrincipal) {
    const { runId } = await this.startSnapshot.start(new Date(), admin.adminId);
    return { jobId: runId };
  }

  @Get('dashboard')
  @ApiOperation({
    summary: `Members, active in 90 days, points issued, redeemed and outstanding, running campaigns (live).${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: DashboardResponse })
  @AdminErrors()
  dashboard() {
    return this.dashboardUseCase.get();
  }

  @Get('overview')
  @ApiOperation({
    summary:
      'The dashboard of a period: KPIs (members, active members, loyalty sales, receipts, points issued and redeemed, redemption rate, coupons used) beside the period before, daily series, the largest clubs; running campaigns and live rules read live.',
    description:
      `?days=7|30|90 (default 30): the business days (Asia/Shanghai) to the snapshot's, its own included; or ?from=&to= (YYYY-MM-DD, at most 183 days; 400 VALIDATION_FAILED otherwise). ` +
      `The period before has the same length and ends the day before from. Before the first snapshot period and kpis are null.${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: OverviewResponse })
  @AdminErrors()
  overview(@Query() query: OverviewQuery) {
    return this.overviewUseCase.get(query);
  }

  @Get('churn')
  @ApiOperation({
    summary: `Members with no purchase for 90/180/365 days, by tier, value grade, month of last purchase and club.${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: ChurnResponse })
  @AdminErrors()
  churn() {
    return this.churnUseCase.get();
  }

  @Get('loyalty')
  @ApiOperation({
    summary: `Repeat-purchase rate, purchase frequency and redemption rate over the 365 days to the snapshot.${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: LoyaltyResponse })
  @AdminErrors()
  loyalty() {
    return this.loyaltyUseCase.get();
  }

  @Get('liability')
  @ApiOperation({
    summary: `Points liability: outstanding, pending, expiring by month (12), money value and redemption-rate-adjusted exposure; ?format=csv for finance.${FROM_SNAPSHOT}`,
  })
  @ApiExtraModels(LiabilityResponse)
  @ApiOkResponse({
    description:
      'JSON; with ?format=csv the same figures as a CSV file for finance (text/csv, CRLF lines): columns figure, month, points, value_cents, ' +
      'one line per figure and per expiry month.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(LiabilityResponse) } },
      'text/csv': { schema: { type: 'string', example: 'figure,month,points,value_cents\r\noutstanding,,65000000,65000000\r\n' } },
    },
  })
  @AdminErrors()
  async liability(@Query() query: LiabilityQuery, @Res({ passthrough: true }) res: Response) {
    const view = await this.liabilityUseCase.get();
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="points-liability.csv"');
      return liabilityCsv(view);
    }
    return view;
  }

  @Get('rfm')
  @ApiOperation({ summary: `The R×F heat map (5×5 member counts) of the last value run, as the snapshot saw it.${FROM_SNAPSHOT}` })
  @ApiOkResponse({ type: AnalyticsRfmResponse })
  @AdminErrors()
  rfm() {
    return this.rfmUseCase.get();
  }

  @Get('tier-movements')
  @ApiOperation({ summary: `Members per tier, and moves per month (up, down, new, by reason) from the tier history.${FROM_SNAPSHOT}` })
  @ApiOkResponse({ type: TierMovementsResponse })
  @AdminErrors()
  tierMovements() {
    return this.tierMovementsUseCase.get();
  }

  @Get('club-growth')
  @ApiOperation({ summary: 'Club sizes now and joins/leaves per calendar month (?months=12, the current month included); read live' })
  @ApiOkResponse({ type: ClubAnalyticsResponse })
  @AdminErrors()
  clubGrowth(@Query() query: ClubGrowthQuery) {
    return this.clubGrowthUseCase.get(query.months ?? 12);
  }

  @Get('campaigns')
  @ApiOperation({ summary: 'Campaigns, newest first (?cursor=&limit=), each with its live results (as GET campaigns/{id}/results)' })
  @ApiOkResponse({ type: CampaignAnalyticsResponse })
  @AdminErrors()
  campaigns(@Query() query: CampaignAnalyticsQuery) {
    return this.campaignResultsUseCase.get(query.limit ?? 20, query.cursor ?? null);
  }
}
