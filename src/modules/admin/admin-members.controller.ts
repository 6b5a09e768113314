import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { AdjustPointsUseCase } from '../archive/use-cases/adjust-points.use-case';
import { MergeMembersUseCase } from '../archive/use-cases/merge-members.use-case';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { can } from '../auth/permissions';
import { CurrentAdmin } from '../auth/principals';
import { MemberArchiveService } from '../members/member-archive.service';
import { MembersService } from '../members/members.service';
import { LedgerService } from '../points/ledger.service';
import { AdminErrors } from '../../common/api/error-responses';
import { LedgerPageResponse } from '../points/dto/points.response';
import { MemberCreatedResponse } from '../members/dto/member.response';
import { MemberDetailResponse } from '../archive/dto/member-detail.response';
import { AdjustmentDto, AdjustmentResponse, MergeDto, MergeResponse } from '../archive/dto/archive.dto';
import { IdCursorQuery } from '../../common/api/pagination';
import {
  MemberHistoryResponse,
  MemberSearchResponse,
  NoteDto,
  NoteResponse,
  NotesResponse,
  ProfileChangedResponse,
  TagsDto,
  TagsResponse,
  UpdateProfileDto,
} from '../members/dto/member-archive.dto';
import { LedgerQueryDto } from '../points/dto/ledger-query.dto';
import { CreateMemberDto } from '../members/dto/member.dto';
import { historyValue, seesPersonalData } from './member-view';
import { personal } from '../../common/masking';
import { GetMemberDetailUseCase } from '../archive/use-cases/get-member-detail.use-case';
import { actorOf } from './admin-actor';
import { AdminMemberSearchQuery } from './member-search.query';
import { rfmCellsOf } from '../campaigns/rules/rfm-segments';
const MemberId = () => Param('memberId', new ParseUUIDPipe());

@ApiTags('admin: members')
@Controller('api/v1/admin/members')
export class AdminMembersController {
  constructor(
    private readonly members: MembersService,
    private readonly archive: MemberArchiveService,
    private readonly ledger: LedgerService,
    private readonly adjust: AdjustPointsUseCase,
    private readonly merger: MergeMembersUseCase,
    private readonly memberDetail: GetMemberDetailUseCase,
  ) {}

  @Get()
  @RequirePermission('members.read')
  @ApiOperation({
    summary: 'Search members by card number, phone (E.164), email or the start of a name, and by RFM segment; paged',
    description:
      'Name, phone and email are masked for roles without members.pii (marketer, analyst). rfmSegment keeps the members the last value run scored into that segment.',
  })
  @ApiOkResponse({ type: MemberSearchResponse })
  @AdminErrors()
  async search(@CurrentAdmin() admin: AdminPrincipal, @Query() query: AdminMemberSearchQuery) {
    const unmasked = seesPersonalData(admin);
    const cells = query.rfmSegment ? rfmCellsOf([query.rfmSegment]).map(([r, f]) => r * 10 + f) : null;
    const page = await this.archive.search(query.q, query.cursor ?? null, query.limit ?? 50, cells);
    return {
      items: page.items.map((r) =>
        personal(
          {
            memberId: r.memberId,
            status: r.status,
            name: r.name,
            phone: r.phone,
            email: r.email,
            tier: { code: r.tierCode, name: r.tierName },
            balance: r.balance,
            card: r.card,
            mergedInto: r.mergedInto,
            createdAt: r.createdAt.toISOString(),
          },
          unmasked,
        ),
      ),
      nextCursor: page.nextCursor,
      unmasked,
    };
  }

  @Post()
  @RequirePermission('members.write')
  @ApiOperation({ summary: 'Register a member; a card is issued with it' })
  @ApiCreatedResponse({ type: MemberCreatedResponse })
  @AdminErrors(ErrorCode.PHONE_TAKEN)
  async create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateMemberDto) {
    const { member, cardNo } = await this.members.create(actorOf(admin), dto);
    return {
      memberId: member.id,
      cardNo,
      name: member.name,
      phone: member.phone,
      email: member.email,
      birthday: member.birthday,
      tier: member.tierCode,
      createdAt: member.createdAt.toISOString(),
    };
  }

  @Get(':memberId')
  @RequirePermission('members.read')
  @ApiOperation({
    summary: "A member's archive: profile, tags, cards, tier and points",
    description:
      'A merged member answers with status merged and mergedInto: the member it went to. Personal data masked without members.pii.',
  })
  @ApiOkResponse({ type: MemberDetailResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  get(@CurrentAdmin() admin: AdminPrincipal, @MemberId() memberId: string) {
    return this.memberDetail.get({ memberId, unmasked: seesPersonalData(admin) });
  }

  @Patch(':memberId')
  @RequirePermission('members.write')
  @ApiOperation({ summary: 'Edit the profile; each changed field is kept in the history (who, when, old and new value)' })
  @ApiOkResponse({ type: ProfileChangedResponse, description: 'The changes made (empty when nothing changed)' })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.MEMBER_MERGED, ErrorCode.MEMBER_ERASED, ErrorCode.PHONE_TAKEN)
  async update(@CurrentAdmin() admin: AdminPrincipal, @MemberId() memberId: string, @Body() dto: UpdateProfileDto) {
    const { changed } = await this.archive.updateProfile(actorOf(admin), memberId, dto);
    return { changed: changed.map((c) => ({ field: c.field, oldValue: c.oldValue, newValue: c.newValue })) };
  }

  @Get(':memberId/history')
  @RequirePermission('members.read')
  @ApiOperation({ summary: 'The change history of the archive, newest first; personal values masked without members.pii' })
  @ApiOkResponse({ type: MemberHistoryResponse })
  @AdminErrors()
  async history(@CurrentAdmin() admin: AdminPrincipal, @MemberId() memberId: string, @Query() query: IdCursorQuery) {
    const unmasked = seesPersonalData(admin);
    const page = await this.archive.history(memberId, query.cursor ?? null, query.limit ?? 50);
    return {
      items: page.items.map((c) => ({
        id: c.id,
        field: c.field,
        oldValue: historyValue(c.field, c.oldValue, unmasked),
        newValue: historyValue(c.field, c.newValue, unmasked),
        by: { type: c.actorType, id: c.actorId },
        at: c.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  @Post(':memberId/notes')
  @RequirePermission('members.write')
  @ApiOperation({ summary: 'Add a staff note' })
  @ApiCreatedResponse({ type: NoteResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.MEMBER_MERGED, ErrorCode.MEMBER_ERASED)
  async addNote(@CurrentAdmin() admin: AdminPrincipal, @MemberId() memberId: string, @Body() dto: NoteDto) {
    const note = await this.archive.addNote(actorOf(admin), memberId, dto.text);
    return { ...note, authorEmail: admin.email, createdAt: note.createdAt.toISOString() };
  }

  @Get(':memberId/notes')
  @RequirePermission('members.read')
  @ApiOperation({ summary: 'Staff notes, newest first' })
  @ApiOkResponse({ type: NotesResponse })
  @AdminErrors()
  async notes(@MemberId() memberId: string, @Query() query: IdCursorQuery) {
    const page = await this.archive.notes(memberId, query.cursor ?? null, query.limit ?? 50);
    return { items: page.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })), nextCursor: page.nextCursor };
  }

  @Put(':memberId/tags')
  @RequirePermission('members.write')
  @ApiOperation({ summary: "Replace the member's tags" })
  @ApiOkResponse({ type: TagsResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.MEMBER_MERGED, ErrorCode.MEMBER_ERASED)
  async setTags(@CurrentAdmin() admin: AdminPrincipal, @MemberId() memberId: string, @Body() dto: TagsDto) {
    return { tags: await this.archive.setTags(actorOf(admin), memberId, dto.tags) };
  }

  @Get(':memberId/ledger')
  @RequirePermission('members.read')
  @ApiOperation({ summary: "The member's ledger entries, newest first, and the balance" })
  @ApiOkResponse({ type: LedgerPageResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  async ledgerOf(@MemberId() memberId: string, @Query() query: LedgerQueryDto) {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
    }
    const page = await this.ledger.page(memberId, query.limit ?? 50, query.before ?? null);
    return { ...page, balance: page.points.balance };
  }

  @Post(':memberId/adjustments')
  @RequirePermission('points.adjust')
  @ApiOperation({
    summary: 'Adjust points by hand with a reason; posted once per idempotencyKey',
    description:
      'Positive: a lot expiring at expiresAt (or the program default). Negative: taken from the available points, soonest expiry first. ' +
      'Above ADJUSTMENT_LIMIT_POINTS (default 10000) only with points.adjust.large (admins); without it, a console user adjusts at most ADJUSTMENT_DAILY_LIMIT_POINTS (default 50000, either sign, in all) per day (Asia/Shanghai), above it 403 ADJUSTMENT_DAILY_LIMIT. 201 first time, 200 with the same answer on a replay.',
  })
  @ApiCreatedResponse({
    type: AdjustmentResponse,
    description: 'Posted (201); a replay of the same key and body answers 200 with the same body',
  })
  @AdminErrors(
    ErrorCode.MEMBER_NOT_FOUND,
    ErrorCode.MEMBER_MERGED,
    ErrorCode.MEMBER_ERASED,
    ErrorCode.IDEMPOTENCY_CONFLICT,
    ErrorCode.INSUFFICIENT_POINTS,
    ErrorCode.ADJUSTMENT_DAILY_LIMIT,
  )
  async adjustPoints(
    @CurrentAdmin() admin: AdminPrincipal,
    @MemberId() memberId: string,
    @Body() dto: AdjustmentDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.adjust.adjust(actorOf(admin), {
      memberId,
      points: dto.points,
      reason: dto.reason,
      expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
      idempotencyKey: dto.idempotencyKey,
      mayExceedLimit: can(admin.role, 'points.adjust.large'),
    });
    res.status(result.status);
    return result.body;
  }

  @Post(':memberId/merge')
  @RequirePermission('members.merge')
  @ApiOperation({
    summary: 'Merge a duplicate (sourceMemberId) into this member',
    description:
      'Cards, ledger balance (merge_out / merge_in entries), lots with their expiry dates, purchases, refunds, redemptions, monthly qualifying figures, clubs and tier history move; the higher tier stays. ' +
      'The source then answers GET with status merged and mergedInto. Asking again answers the first result (200).',
  })
  @ApiCreatedResponse({ type: MergeResponse, description: 'Merged (201); merged before into this member: 200 with the first result' })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.MERGE_REFUSED)
  async merge(
    @CurrentAdmin() admin: AdminPrincipal,
    @MemberId() memberId: string,
    @Body() dto: MergeDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.merger.merge(actorOf(admin), { survivorId: memberId, sourceId: dto.sourceMemberId });
    res.status(result.status);
    return result.body;
  }
}
