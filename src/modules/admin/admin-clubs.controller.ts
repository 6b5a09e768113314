import { JobAcceptedResponse } from '../jobs/dto/job.response';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { ClubMembershipService } from '../clubs/club-membership.service';
import { ClubsService, MembershipActor } from '../clubs/clubs.service';
import { AdminErrors } from '../../common/api/error-responses';
import {
  ClubAnalyticsQueryDto,
  ClubListQueryDto,
  ClubMembersQueryDto,
  CreateClubDto,
  ExplainRuleDto,
  UpdateClubDto,
} from '../clubs/dto/club.dto';
import {
  ClubAnalyticsResponse,
  ClubHistoryResponse,
  ClubListResponse,
  ClubMembersPageResponse,
  ClubResponse,
  MembershipChangeResponse,
  RuleExplainResponse,
} from '../clubs/dto/club.response';

const byAdmin = (a: AdminPrincipal): MembershipActor => ({ kind: 'admin', actor: { type: 'admin', id: a.adminId } });

/** Niche clubs. Marketers and admins write; support reads, and adds or removes a member at the member's request. */
@ApiTags('admin')
@RequirePermission('clubs.read')
@Controller('api/v1/admin/clubs')
export class AdminClubsController {
  constructor(
    private readonly clubs: ClubsService,
    private readonly membership: ClubMembershipService,
  ) {}

  @Post()
  @RequirePermission('clubs.manage')
  @ApiOperation({ summary: 'Create a club (open, invite or automatic with its rule); audited' })
  @ApiCreatedResponse({ type: ClubResponse })
  @AdminErrors(ErrorCode.CLUB_CODE_TAKEN)
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateClubDto) {
    return this.clubs.create({ type: 'admin', id: admin.adminId }, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List clubs by code, paged' })
  @ApiOkResponse({ type: ClubListResponse })
  @AdminErrors()
  list(@Query() query: ClubListQueryDto) {
    return this.clubs.list(query.cursor, query.limit ?? 50, query.status ?? null);
  }

  @Post('rules/explain')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Validate a rule and say it back in plain words (en, zh-CN); optionally estimate the members the club would hold by it now (with clubId: after a regroup of that club), and what one member still lacks (memberId)',
  })
  @ApiOkResponse({ type: RuleExplainResponse })
  @AdminErrors(ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.CLUB_NOT_FOUND, ErrorCode.MEMBER_NOT_FOUND)
  explain(@Body() dto: ExplainRuleDto) {
    return this.clubs.explainRule(dto);
  }

  @Get(':clubId')
  @ApiOperation({ summary: 'A club, with its rule in plain words' })
  @ApiOkResponse({ type: ClubResponse })
  @AdminErrors(ErrorCode.CLUB_NOT_FOUND)
  get(@Param('clubId', new ParseUUIDPipe()) clubId: string) {
    return this.clubs.get(clubId);
  }

  @Patch(':clubId')
  @RequirePermission('clubs.manage')
  @ApiOperation({ summary: 'Change a club (names, description, policy, rule, status: archive with status archived); audited' })
  @ApiOkResponse({ type: ClubResponse })
  @AdminErrors(ErrorCode.CLUB_NOT_FOUND)
  update(@CurrentAdmin() admin: AdminPrincipal, @Param('clubId', new ParseUUIDPipe()) clubId: string, @Body() dto: UpdateClubDto) {
    return this.clubs.update({ type: 'admin', id: admin.adminId }, clubId, dto);
  }

  @Post(':clubId/regroup')
  @HttpCode(202)
  @RequirePermission('clubs.manage')
  @ApiOperation({ summary: 'Regroup an automatic club by its rule over every member, in member-id ranges; follow the job at jobs/{jobId}' })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  @AdminErrors(ErrorCode.CLUB_NOT_AUTOMATIC)
  async regroup(@CurrentAdmin() admin: AdminPrincipal, @Param('clubId', new ParseUUIDPipe()) clubId: string) {
    return { jobId: await this.membership.startRegroup(clubId, admin.adminId) };
  }

  @Get(':clubId/members')
  @ApiOperation({ summary: "A club's members (and those who left), by member id, paged" })
  @ApiOkResponse({ type: ClubMembersPageResponse })
  @AdminErrors(ErrorCode.CLUB_NOT_FOUND)
  members(@Param('clubId', new ParseUUIDPipe()) clubId: string, @Query() query: ClubMembersQueryDto) {
    return this.clubs.membersOf(clubId, query.cursor, query.limit ?? 50, query.status ?? null);
  }

  @Post(':clubId/members/:memberId')
  @RequirePermission('clubs.membership')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a member (for an invite club: the invite). Adding again changes nothing' })
  @ApiOkResponse({ type: MembershipChangeResponse })
  @AdminErrors(ErrorCode.CLUB_NOT_FOUND, ErrorCode.MEMBER_NOT_FOUND, ErrorCode.CLUB_NOT_JOINABLE)
  add(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('clubId', new ParseUUIDPipe()) clubId: string,
    @Param('memberId', new ParseUUIDPipe()) memberId: string,
  ) {
    return this.clubs.join(clubId, memberId, byAdmin(admin));
  }

  @Delete(':clubId/members/:memberId')
  @RequirePermission('clubs.membership')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a member out; an automatic club’s rule will not put them back' })
  @ApiOkResponse({ type: MembershipChangeResponse })
  @AdminErrors(ErrorCode.CLUB_NOT_FOUND, ErrorCode.CLUB_MEMBERSHIP_NOT_FOUND)
  remove(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('clubId', new ParseUUIDPipe()) clubId: string,
    @Param('memberId', new ParseUUIDPipe()) memberId: string,
  ) {
    return this.clubs.leave(clubId, memberId, byAdmin(admin));
  }

  @Get(':clubId/members/:memberId/history')
  @ApiOperation({ summary: "A member's joins and leaves of the club, with their reasons" })
  @ApiOkResponse({ type: ClubHistoryResponse })
  @AdminErrors(ErrorCode.CLUB_NOT_FOUND)
  async history(@Param('clubId', new ParseUUIDPipe()) clubId: string, @Param('memberId', new ParseUUIDPipe()) memberId: string) {
    await this.clubs.club(clubId);
    return { history: await this.clubs.history(clubId, memberId) };
  }
}

const DAY_MS = 86_400_000;
const MAX_ANALYTICS_DAYS = 3660;

@ApiTags('admin')
@RequirePermission('analytics.read')
@Controller('api/v1/admin/analytics')
export class AdminClubAnalyticsController {
  constructor(private readonly clubs: ClubsService) {}

  @Get('clubs')
  @ApiOperation({ summary: 'Club sizes now, and joins and leaves per day or month (growth)' })
  @ApiOkResponse({ type: ClubAnalyticsResponse })
  @AdminErrors()
  clubSizesAndGrowth(@Query() query: ClubAnalyticsQueryDto) {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (from.getTime() >= to.getTime() || to.getTime() - from.getTime() > MAX_ANALYTICS_DAYS * DAY_MS) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `from must be before to, at most ${MAX_ANALYTICS_DAYS} days apart.`, [
        { field: 'from', message: 'before to, within 10 years' },
      ]);
    }
    return this.clubs.analytics(from, to, query.granularity ?? 'day');
  }
}
