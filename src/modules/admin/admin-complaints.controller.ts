import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminErrors } from '../../common/api/error-responses';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { can } from '../auth/permissions';
import { CurrentAdmin } from '../auth/principals';
import {
  ApologyDto,
  AssignComplaintDto,
  CommentComplaintDto,
  ComplaintListQuery,
  ComplaintStatsQuery,
  CreateComplaintDto,
  GiveCouponDto,
  GoodwillDto,
  MoveComplaintDto,
} from '../complaints/dto/complaint.dto';
import {
  ComplaintDetailResponse,
  ComplaintListResponse,
  ComplaintStatsResponse,
  GoodwillResponse,
} from '../complaints/dto/complaint.response';
import { AssignComplaintUseCase } from '../complaints/use-cases/assign-complaint.use-case';
import { CommentComplaintUseCase } from '../complaints/use-cases/comment-complaint.use-case';
import { ComplaintStatsUseCase } from '../complaints/use-cases/complaint-stats.use-case';
import { FindComplaintsUseCase } from '../complaints/use-cases/find-complaints.use-case';
import { GrantGoodwillUseCase } from '../complaints/use-cases/grant-goodwill.use-case';
import { GiveCouponUseCase } from '../complaints/use-cases/give-coupon.use-case';
import { MoveComplaintUseCase } from '../complaints/use-cases/move-complaint.use-case';
import { RaiseComplaintUseCase } from '../complaints/use-cases/raise-complaint.use-case';
import { SendApologyUseCase } from '../complaints/use-cases/send-apology.use-case';
import { actorOf } from './admin-actor';

const CASE_ERRORS = [ErrorCode.COMPLAINT_NOT_FOUND] as const;

/**
 * Complaint cases (投诉) and the store archive: support and admins raise and work cases (complaints.manage);
 * every console role reads them, the member's words masked without members.pii. Every change is a step and audited.
 */
@ApiTags('admin')
@RequirePermission('complaints.read')
@Controller('api/v1/admin/complaints')
export class AdminComplaintsController {
  constructor(
    private readonly raising: RaiseComplaintUseCase,
    private readonly moving: MoveComplaintUseCase,
    private readonly assigning: AssignComplaintUseCase,
    private readonly commenting: CommentComplaintUseCase,
    private readonly apology: SendApologyUseCase,
    private readonly goodwill: GrantGoodwillUseCase,
    private readonly coupon: GiveCouponUseCase,
    private readonly find: FindComplaintsUseCase,
    private readonly figures: ComplaintStatsUseCase,
  ) {}

  @Post()
  @RequirePermission('complaints.manage')
  @ApiOperation({
    summary: 'Raise a case for a member (store, receipt, category, description, severity); due in 24 h (high) or 72 h (normal)',
    description: 'A receipt must be a purchase of that store posted to that member. The owner defaults to whoever raises it.',
  })
  @ApiCreatedResponse({ type: ComplaintDetailResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.MEMBER_MERGED, ErrorCode.MEMBER_ERASED)
  async create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateComplaintDto) {
    const id = await this.raising.raise(actorOf(admin), dto);
    return this.find.one(id, !can(admin.role, 'members.pii'));
  }

  @Get()
  @ApiOperation({
    summary: 'The store archive of complaints, newest first: by store, member, category, state, severity, dates, overdue and words',
  })
  @ApiOkResponse({ type: ComplaintListResponse })
  @AdminErrors()
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() q: ComplaintListQuery) {
    return this.find.search(
      {
        storeId: q.storeId,
        memberId: q.memberId,
        category: q.category,
        state: q.state,
        severity: q.severity,
        from: q.from ? new Date(q.from) : null,
        to: q.to ? new Date(q.to) : null,
        overdue: q.overdue ?? false,
        q: q.q,
        before: q.cursor,
        limit: q.limit,
      },
      !can(admin.role, 'members.pii'),
    );
  }

  @Get('stats')
  @ApiOperation({
    summary: 'Complaints per 1,000 receipts by store and by store and category; median hours to the first answer and to the resolution',
  })
  @ApiOkResponse({ type: ComplaintStatsResponse })
  @AdminErrors()
  stats(@Query() q: ComplaintStatsQuery) {
    return this.figures.stats(new Date(q.from), new Date(q.to));
  }

  @Get(':complaintId')
  @ApiOperation({ summary: 'A case with every step (who and when), oldest first' })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  @AdminErrors(...CASE_ERRORS)
  one(@CurrentAdmin() admin: AdminPrincipal, @Param('complaintId', new ParseUUIDPipe()) id: string) {
    return this.find.one(id, !can(admin.role, 'members.pii'));
  }

  @Post(':complaintId/state')
  @HttpCode(200)
  @RequirePermission('complaints.manage')
  @ApiOperation({
    summary:
      'Move a case: open → in_progress → resolved → closed, open → resolved; reopen (→ in_progress) within 14 days of the resolution',
  })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  @AdminErrors(...CASE_ERRORS, ErrorCode.COMPLAINT_INVALID_TRANSITION)
  async move(@CurrentAdmin() admin: AdminPrincipal, @Param('complaintId', new ParseUUIDPipe()) id: string, @Body() dto: MoveComplaintDto) {
    await this.moving.move(actorOf(admin), id, dto.state, dto.text ?? null);
    return this.find.one(id, !can(admin.role, 'members.pii'));
  }

  @Post(':complaintId/assign')
  @HttpCode(200)
  @RequirePermission('complaints.manage')
  @ApiOperation({ summary: 'Give the case to a console user' })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  @AdminErrors(...CASE_ERRORS)
  async assign(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('complaintId', new ParseUUIDPipe()) id: string,
    @Body() dto: AssignComplaintDto,
  ) {
    await this.assigning.assign(actorOf(admin), id, dto.ownerId);
    return this.find.one(id, !can(admin.role, 'members.pii'));
  }

  @Post(':complaintId/comments')
  @HttpCode(200)
  @RequirePermission('complaints.manage')
  @ApiOperation({ summary: 'A reply to the member (shown on the member page) or an internal note' })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  @AdminErrors(...CASE_ERRORS)
  async comment(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('complaintId', new ParseUUIDPipe()) id: string,
    @Body() dto: CommentComplaintDto,
  ) {
    await this.commenting.comment(actorOf(admin), id, dto.kind, dto.text);
    return this.find.one(id, !can(admin.role, 'members.pii'));
  }

  @Post(':complaintId/apology')
  @HttpCode(200)
  @RequirePermission('complaints.manage')
  @ApiOperation({
    summary: 'Send the member the apology (template complaint.apology, through the outbox); once per case',
    description:
      'A second apology for the case is 409 COMPLAINT_INVALID_TRANSITION. The step records whether the message was queued or skipped.',
  })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  @AdminErrors(...CASE_ERRORS, ErrorCode.COMPLAINT_INVALID_TRANSITION, ErrorCode.TEMPLATE_NOT_FOUND)
  async apologise(@CurrentAdmin() admin: AdminPrincipal, @Param('complaintId', new ParseUUIDPipe()) id: string, @Body() dto: ApologyDto) {
    await this.apology.apologise(actorOf(admin), id, dto.locale ?? 'zh-CN');
    return this.find.one(id, !can(admin.role, 'members.pii'));
  }

  @Post(':complaintId/coupon')
  @HttpCode(200)
  @RequirePermission('complaints.manage')
  @ApiOperation({
    summary: 'Give the member a coupon of a reward template for the case (once per case); the step names the coupon',
  })
  @ApiOkResponse({ type: ComplaintDetailResponse })
  @AdminErrors(...CASE_ERRORS, ErrorCode.COMPLAINT_INVALID_TRANSITION)
  async giveCoupon(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('complaintId', new ParseUUIDPipe()) id: string,
    @Body() dto: GiveCouponDto,
  ) {
    await this.coupon.give(actorOf(admin), id, dto.rewardId);
    return this.find.one(id, !can(admin.role, 'members.pii'));
  }

  @Post(':complaintId/goodwill')
  @RequirePermission('points.adjust')
  @ApiOperation({
    summary: 'Goodwill points for the case: a ledger entry of type goodwill naming the case, within the adjustment limits',
    description:
      'The same limits as a manual adjustment: above ADJUSTMENT_LIMIT_POINTS only with points.adjust.large, and at most ADJUSTMENT_DAILY_LIMIT_POINTS a day per console user (403 ADJUSTMENT_DAILY_LIMIT). 201 first time, 200 with the same answer for the same idempotencyKey.',
  })
  @ApiCreatedResponse({
    type: GoodwillResponse,
    description: 'Posted (201); the same idempotencyKey again answers 200 with the first result',
  })
  @AdminErrors(
    ...CASE_ERRORS,
    ErrorCode.MEMBER_MERGED,
    ErrorCode.MEMBER_ERASED,
    ErrorCode.IDEMPOTENCY_CONFLICT,
    ErrorCode.ADJUSTMENT_DAILY_LIMIT,
  )
  async grant(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('complaintId', new ParseUUIDPipe()) id: string,
    @Body() dto: GoodwillDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GoodwillResponse> {
    const result = await this.goodwill.grant(actorOf(admin), {
      complaintId: id,
      points: dto.points,
      reason: dto.reason,
      idempotencyKey: dto.idempotencyKey,
      mayExceedLimit: can(admin.role, 'points.adjust.large'),
    });
    res.status(result.status);
    return result.body;
  }
}
