import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { ProgramSettingsService } from '../program/program-settings.service';
import { AdminErrors } from '../../common/api/error-responses';
import { ExplainTierCriteriaUseCase } from '../tiers/engine/explain-criteria.use-case';
import { GrantTierUseCase } from '../tiers/engine/grant-tier.use-case';
import { SimulateLadderUseCase } from '../tiers/engine/simulate-ladder.use-case';
import { TierRunsService } from '../tiers/engine/tier-runs.service';
import { LadderService } from '../tiers/ladder.service';
import { ExplainTierCriteriaDto, LadderDto, ProgramPatchDto, SimulateDto, TierGrantDto } from '../tiers/dto/tiers.dto';
import {
  JobStartedResponse,
  LadderResponse,
  ProgramResponse,
  SimulationResponse,
  TierCriteriaExplainResponse,
  TierGrantResponse,
} from '../tiers/dto/tiers.response';
import { actorOf } from './admin-actor';

/** The ladder, program settings, reviews, simulation and grants. Admins edit; every role reads; support grants. */
@ApiTags('admin')
@Controller('api/v1/admin')
export class AdminTiersController {
  constructor(
    private readonly ladder: LadderService,
    private readonly program: ProgramSettingsService,
    private readonly runs: TierRunsService,
    private readonly simulator: SimulateLadderUseCase,
    private readonly grants: GrantTierUseCase,
    private readonly criteria: ExplainTierCriteriaUseCase,
  ) {}

  @Get('tiers')
  @RequirePermission('tiers.read')
  @ApiOperation({ summary: 'The tier ladder, lowest first' })
  @ApiOkResponse({ type: LadderResponse })
  @AdminErrors()
  async getLadder() {
    return { tiers: await this.ladder.view() };
  }

  @Put('tiers')
  @RequirePermission('tiers.manage')
  @ApiOperation({
    summary: 'Replace the whole ladder',
    description:
      'The order of the list is the order of the ladder: reordering tiers is sending them in their new order. An order no criteria can make right is refused first with 422 LADDER_ORDER_INVALID (every problem with its field): the saved entry tier, when kept, stays first; rank tiers sit above every threshold tier. Then the ladder is validated as a whole (422 LADDER_INVALID lists every problem with its field): unique codes; the lowest tier has no criteria; every higher threshold tier has a criterion, shares one with the threshold tier below and asks strictly more on each shared one; rank tiers have exactly one of rankTopN / rankTopPermille; multipliers never fall. A tier members hold cannot be left out. Audited (tiers.replace: old and new ladder; tiers.reorder: the kept tiers’ codes before and after, when they changed places); in force for the next posting in every process.',
  })
  @ApiOkResponse({ type: LadderResponse })
  @AdminErrors(ErrorCode.LADDER_INVALID, ErrorCode.LADDER_ORDER_INVALID)
  async putLadder(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: LadderDto) {
    return { tiers: await this.ladder.replace(actorOf(admin), dto.tiers) };
  }

  @Post('tiers/criteria/explain')
  @RequirePermission('tiers.read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Validate tier criteria and say them back in plain words (en, zh-CN); optionally how far one member is from each (memberId)',
    description:
      'The criteria are the kinds a ladder tier stores in its fields (qualifyingSpend: minSpendCents, pointsEarned: minPoints, purchaseCount: minPurchases), sent as a list of { type, min }. With memberId, the member’s sums over the program’s qualifying window and what is still missing for each, as the member page’s tier progress shows them. Nothing is saved.',
  })
  @ApiOkResponse({ type: TierCriteriaExplainResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  explainCriteria(@Body() dto: ExplainTierCriteriaDto) {
    return this.criteria.explainCriteria(dto);
  }

  @Post('tiers/simulate')
  @RequirePermission('analytics.read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What-if: who would hold which tier under a proposed ladder',
    description:
      'Same body as PUT tiers (plus an optional refresh), refused as PUT refuses it (LADDER_ORDER_INVALID, LADDER_INVALID); a new order is simulated as it would be saved; nothing is saved. Every member is placed by the proposed thresholds against their qualifying window (one GROUP BY in SQL over members joined to a snapshot of every member’s window sums, refreshed daily at 00:20 UTC; asOf says when its figures are from): membersNow is today’s tier, membersAfter the proposed one; movingUp/movingDown count who would land in the tier from a lower/higher one. When no snapshot covers the current months (none yet, the month has turned, the window length was edited) or refresh is true, the snapshot is refreshed first (snapshotRefreshed; slower). Review dates, one-level-at-a-time steps and manual grants are not applied (this is where members would qualify, not what tomorrow’s review does); members of a rank tier the proposal keeps stay in it. Spend shares are of the last 12 calendar months.',
  })
  @ApiOkResponse({ type: SimulationResponse })
  @AdminErrors(ErrorCode.LADDER_INVALID, ErrorCode.LADDER_ORDER_INVALID)
  simulate(@Body() dto: SimulateDto) {
    return this.simulator.simulate(dto.tiers, new Date(), { refresh: dto.refresh });
  }

  @Post('tiers/reviews')
  @RequirePermission('tiers.manage')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run the tier review now',
    description:
      'Ended grants revert to the tier the member qualifies for (grant_expiry); members whose review date has come requalify or move down one level (review). Split over member-id ranges; follow it at GET /api/v1/admin/jobs/{jobId}.',
  })
  @ApiAcceptedResponse({ type: JobStartedResponse })
  @AdminErrors()
  async runReview(@CurrentAdmin() admin: AdminPrincipal) {
    const run = await this.runs.start('tier-review', new Date(), admin.adminId);
    return { jobId: run.runId };
  }

  @Post('members/:memberId/tier-grants')
  @RequirePermission('tiers.grant')
  @ApiOperation({
    summary: 'Grant a tier by hand until an end date',
    description:
      'The member holds at least this tier until endsAt (reason manual in the tier history; audited); reviews do not move them below it meanwhile. After endsAt the daily review reverts them to the tier they qualify for (reason grant_expiry). A new grant replaces an open one; a grant never lowers a member.',
  })
  @ApiCreatedResponse({ type: TierGrantResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.TIER_GRANT_INVALID)
  grant(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', new ParseUUIDPipe()) memberId: string, @Body() dto: TierGrantDto) {
    return this.grants.grant(actorOf(admin), { memberId, tierCode: dto.tierCode, endsAt: dto.endsAt, reason: dto.reason });
  }

  @Get('program')
  @RequirePermission('tiers.read')
  @ApiOperation({ summary: 'Program settings' })
  @ApiOkResponse({ type: ProgramResponse })
  @AdminErrors()
  getProgram() {
    return this.program.view();
  }

  @Patch('program')
  @RequirePermission('tiers.manage')
  @ApiOperation({
    summary:
      'Change program settings (only the fields sent); audited with old and new values; in force for the next posting in every process',
  })
  @ApiOkResponse({ type: ProgramResponse })
  @AdminErrors()
  patchProgram(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: ProgramPatchDto) {
    return this.program.update(actorOf(admin), dto);
  }
}
