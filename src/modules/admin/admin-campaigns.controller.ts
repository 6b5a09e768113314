import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { CampaignsService } from '../campaigns/campaigns.service';
import { CampaignRulesExplanationResponse, ExplainCampaignRulesDto } from '../campaigns/dto/explain-rules.dto';
import { ExplainCampaignRules } from '../campaigns/explain-campaign-rules';
import { CreateCampaignDto, ListCampaignsQuery, RaiseBudgetDto, RejectCampaignDto, UpdateCampaignDto } from '../campaigns/dto/campaign.dto';
import { AdminErrors } from '../../common/api/error-responses';
import {
  CampaignListResponse,
  CampaignPreviewResponse,
  CampaignResponse,
  CampaignResultsResponse,
} from '../campaigns/dto/campaign.response';

const actor = (admin: AdminPrincipal) => ({ type: 'admin' as const, id: admin.adminId });

@ApiTags('admin')
@RequirePermission('campaigns.manage')
@Controller('api/v1/admin/campaigns')
export class AdminCampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly explain: ExplainCampaignRules,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a campaign (draft): audience, actions (grant, bonusRule, message; as a list or as fields), schedule, budget, holdout',
  })
  @ApiCreatedResponse({ type: CampaignResponse })
  @AdminErrors()
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateCampaignDto) {
    return this.campaigns.create(actor(admin), dto);
  }

  @Post('rules/explain')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Campaign actions and an audience in words (zh-CN and English), as the server reads them; with memberId, whether that member is in the audience, part by part. Writes nothing',
  })
  @ApiOkResponse({ type: CampaignRulesExplanationResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  explainRules(@Body() dto: ExplainCampaignRulesDto) {
    return this.explain.explain(dto);
  }

  @Get()
  @ApiOperation({
    summary:
      'Campaigns, newest first, each with its figures (reached, budget, progress) (?cursor=&limit=; ?state=pending_approval for those waiting for approval; ?name= to search)',
  })
  @ApiOkResponse({ type: CampaignListResponse })
  @AdminErrors()
  list(@Query() query: ListCampaignsQuery) {
    return this.campaigns.list(query.limit ?? 20, query.cursor ?? null, query.state ?? null, query.name ?? null);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign with its budget' })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft campaign' })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION)
  update(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateCampaignDto) {
    return this.campaigns.update(actor(admin), id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft campaign' })
  @ApiNoContentResponse()
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION)
  remove(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.remove(actor(admin), id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Audience size, holdout, estimated points cost and a masked sample; writes nothing' })
  @ApiOkResponse({ type: CampaignPreviewResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND)
  preview(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.preview(id);
  }

  @Post(':id/launch')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'draft → running (now) or scheduled (at a time, cron); the fan-out runs in the workers (progress: jobId). Above the program limits (points per member, estimated cost) → pending_approval until another user with campaigns.approve approves it',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION)
  launch(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.launch(actor(admin), id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('campaigns.approve')
  @ApiOperation({
    summary:
      'pending_approval → running or scheduled, as its launch would have; each occurrence grants at most the cost approved. Not by its creator or who launched it (403 CAMPAIGN_APPROVER_IS_AUTHOR); audited',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION, ErrorCode.CAMPAIGN_APPROVER_IS_AUTHOR)
  approve(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.approve(actor(admin), id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('campaigns.approve')
  @ApiOperation({
    summary: 'pending_approval → draft, with a reason; not by its creator or who launched it (403 CAMPAIGN_APPROVER_IS_AUTHOR); audited',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION, ErrorCode.CAMPAIGN_APPROVER_IS_AUTHOR)
  reject(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RejectCampaignDto) {
    return this.campaigns.reject(actor(admin), id, dto.reason ?? null);
  }

  @Post(':id/budget')
  @HttpCode(200)
  @RequirePermission('campaigns.budget')
  @ApiOperation({
    summary:
      'Raise the budget cap of a launched campaign (scheduled, running, active, ended or paused): a capped bonus rule pays on at once',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION, ErrorCode.CAMPAIGN_BUDGET_NOT_RAISED)
  raiseBudget(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RaiseBudgetDto) {
    return this.campaigns.raiseBudget(actor(admin), id, dto.capPoints);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'running, scheduled, or a live bonus rule (active, ended) → paused; the fan-out stops between batches, the rule pays nothing from now on',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION)
  pause(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.pause(actor(admin), id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'paused → the state it was paused from (ended if a bonus rule’s window closed meanwhile); the fan-out goes on where it stopped',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION)
  resume(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.resume(actor(admin), id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'draft, pending_approval, scheduled, running, paused, active or ended → cancelled; what was delivered stays, a bonus rule never pays again',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND, ErrorCode.CAMPAIGN_INVALID_TRANSITION)
  cancel(@CurrentAdmin() admin: AdminPrincipal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.cancel(actor(admin), id);
  }

  @Get(':id/results')
  @RequirePermission('analytics.read')
  @ApiOperation({
    summary: 'Live results: audience, holdout, delivered, points, behaviour after delivery, uplift with a 95% interval, progress',
  })
  @ApiOkResponse({ type: CampaignResultsResponse })
  @AdminErrors(ErrorCode.CAMPAIGN_NOT_FOUND)
  results(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.campaigns.results(id);
  }
}
