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
  ClubGrowthResponse,
  DashboardResponse,
  LiabilityQuery,
  LiabilityResponse,
  LoyaltyResponse,
  TierMovementsResponse,
} from '../analytics/dto/analytics.response';
import { OverviewQuery, OverviewResponse, PeriodQuery } from '../analytics/dto/overview.response';
import { JobAcceptedResponse } from '../jobs/dto/job.response';

const FROM_SNAPSHOT =
  ' From the newest analytics snapshot (daily at 05:00 UTC, or POST analytics/snapshots); snapshotAt says when it was made, null when there is none yet (figures 0, lists empty).';

/** How every report reads its period (the same query and semantics as overview). */
const PERIOD =
  '?days=7|30|90 (default 30): the business days (Asia/Shanghai) to the snapshot’s day, its own included; or ?from=&to= (YYYY-MM-DD, at most 183 days). ' +
  'A bad period is 400 VALIDATION_FAILED, details[0] naming the field with reason PERIOD_NEEDS_BOTH, PERIOD_NOT_A_DATE, PERIOD_REVERSED or PERIOD_TOO_LONG. ' +
  'The answer echoes period {from, to, days, preset, complete} (null before the first snapshot). ';

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
    summary: `Churn of a period: members who lapsed (reached 90/180/365 idle days) in it, beside the standing at the snapshot by tier, value grade, month of last purchase and club.`,
    description:
      `${PERIOD}Per window, lapsed counts the members whose idle stretch reached the window's days on a day of the period and still runs at the snapshot (exact for any period). ` +
      `churned, rate and the slices are the standing at the snapshot: the end of a preset period (for a custom range ending earlier, still the snapshot's).${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: ChurnResponse })
  @AdminErrors()
  churn(@Query() query: PeriodQuery) {
    return this.churnUseCase.get(query);
  }

  @Get('loyalty')
  @ApiOperation({
    summary: 'Repeat-purchase rate, purchase frequency and redemption rate over a period.',
    description:
      `${PERIOD}Buyers and repeat buyers are distinct counts, which do not add up from days: the snapshot counts them for the presets; ` +
      `for a custom range they and the repeat-purchase rate and purchase frequency are null, while purchases, points issued and redeemed and the redemption rate (additive by day) are exact.${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: LoyaltyResponse })
  @AdminErrors()
  loyalty(@Query() query: PeriodQuery) {
    return this.loyaltyUseCase.get(query);
  }

  @Get('liability')
  @ApiOperation({
    summary:
      'Points liability: outstanding, pending, expiring by month (12), money value and redemption-rate-adjusted exposure at the snapshot, and the points issued, redeemed and expired in a period; ?format=csv for finance.',
    description: `${PERIOD}The balances are at the snapshot; periodPoints are the ledger's movements in the period (exact for any period).${FROM_SNAPSHOT}`,
  })
  @ApiExtraModels(LiabilityResponse)
  @ApiOkResponse({
    description:
      'JSON; with ?format=csv the same figures as a CSV file for finance (text/csv, CRLF lines): columns figure, month, points, value_cents, ' +
      'one line per figure and per expiry month; the period in lines period_from and period_to and in the file name.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(LiabilityResponse) } },
      'text/csv': { schema: { type: 'string', example: 'figure,month,points,value_cents\r\noutstanding,,65000000,65000000\r\n' } },
    },
  })
  @AdminErrors()
  async liability(@Query() query: LiabilityQuery, @Res({ passthrough: true }) res: Response) {
    const { format, ...period } = query;
    const view = await this.liabilityUseCase.get(period);
    if (format === 'csv') {
      const name = view.period ? `points-liability-${view.period.from}-${view.period.to}.csv` : 'points-liability.csv';
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      return liabilityCsv(view);
    }
    return view;
  }

  @Get('rfm')
  @ApiOperation({
    summary: 'The R×F heat map (5×5 member counts) of the last value run, as the snapshot saw it: as of that run, whatever the period.',
    description: `${PERIOD}R and F scores are a standing, not a flow: the grid is as of valueRunAsOf; the period is only echoed (asOfGrid: true).${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: AnalyticsRfmResponse })
  @AdminErrors()
  rfm(@Query() query: PeriodQuery) {
    return this.rfmUseCase.get(query);
  }

  @Get('tier-movements')
  @ApiOperation({
    summary:
      'Members per tier at the snapshot; tier moves (up, down, new, by reason) in a period and per day; moves per month over 12 months.',
    description: `${PERIOD}Moves are the tier history's rows dated in the period (exact for any period).${FROM_SNAPSHOT}`,
  })
  @ApiOkResponse({ type: TierMovementsResponse })
  @AdminErrors()
  tierMovements(@Query() query: PeriodQuery) {
    return this.tierMovementsUseCase.get(query);
  }

  @Get('club-growth')
  @ApiOperation({
    summary: 'Club sizes now and joins/leaves per business day of a period, read live; or per calendar month with ?months= alone.',
    description:
      '?days=7|30|90 (default 30): the business days (Asia/Shanghai) to today, today included; or ?from=&to= (YYYY-MM-DD, at most 183 days); ' +
      'joins and leaves dated in the period, exact. ?months=N (1–36) without a period: per calendar month (UTC), the current one included, period null. ' +
      'A bad period is 400 VALIDATION_FAILED as for the other reports.',
  })
  @ApiOkResponse({ type: ClubGrowthResponse })
  @AdminErrors()
  clubGrowth(@Query() query: ClubGrowthQuery) {
    return this.clubGrowthUseCase.get(query);
  }

  @Get('campaigns')
  @ApiOperation({ summary: 'Campaigns, newest first (?cursor=&limit=), each with its live results (as GET campaigns/{id}/results)' })
  @ApiOkResponse({ type: CampaignAnalyticsResponse })
  @AdminErrors()
  campaigns(@Query() query: CampaignAnalyticsQuery) {
    return this.campaignResultsUseCase.get(query.limit ?? 20, query.cursor ?? null);
  }
}
