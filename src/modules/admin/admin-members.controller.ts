import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { CurrentAdmin } from '../auth/principals';
import { AdminAuth } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { MembersService } from '../members/members.service';
import { LedgerService } from '../points/ledger.service';
import { AdminErrors } from '../pos/pos.openapi';
import { TiersRepository } from '../tiers/tiers.repository';
import { TiersService } from '../tiers/tiers.service';
import { LedgerPageResponse, MemberCreatedResponse, MemberDetailResponse } from './dto/admin.response';
import { LedgerQueryDto } from './dto/ledger-query.dto';
import { CreateMemberDto } from './dto/member.dto';

@ApiTags('admin')
@AdminAuth('admin', 'support')
@Controller('api/v1/admin/members')
export class AdminMembersController {
  constructor(
    private readonly members: MembersService,
    private readonly ledger: LedgerService,
    private readonly tiers: TiersService,
    private readonly tierGrants: TiersRepository,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a member; a card is issued with it' })
  @ApiCreatedResponse({ type: MemberCreatedResponse })
  @AdminErrors(ErrorCode.PHONE_TAKEN)
  async create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateMemberDto) {
    const { member, cardNo } = await this.members.create({ type: 'admin', id: admin.adminId }, dto);
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
  @ApiOperation({ summary: "A member's profile, cards, tier and points" })
  @ApiOkResponse({ type: MemberDetailResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  async get(@Param('memberId', new ParseUUIDPipe()) memberId: string) {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
    }
    const [cards, points, tier, grant] = await Promise.all([
      this.members.cardsOf(memberId),
      this.ledger.summary(memberId),
      this.tiers.byCode(member.tierCode),
      this.tierGrants.openGrantOf(memberId),
    ]);
    return {
      memberId: member.id,
      status: member.status,
      name: member.name,
      phone: member.phone,
      email: member.email,
      birthday: member.birthday,
      gender: member.gender,
      city: member.city,
      address: member.address,
      tier: {
        code: tier.code,
        name: tier.name,
        nameZh: tier.nameZh,
        since: member.tierSince.toISOString(),
        reviewAt: member.tierReviewAt ? member.tierReviewAt.toISOString() : null,
        grant: grant ? { tierCode: grant.tierCode, endsAt: grant.endsAt.toISOString(), reason: grant.reason } : null,
      },
      points,
      cards: cards.map((c) => ({ cardNo: c.cardNo, status: c.status, kind: c.kind, issuedAt: c.issuedAt.toISOString() })),
      createdAt: member.createdAt.toISOString(),
    };
  }

  @Get(':memberId/ledger')
  @ApiOperation({ summary: "The member's ledger entries, newest first, and the balance" })
  @ApiOkResponse({ type: LedgerPageResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  async ledgerOf(@Param('memberId', new ParseUUIDPipe()) memberId: string, @Query() query: LedgerQueryDto) {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, `No member with id ${memberId}.`);
    }
    const page = await this.ledger.page(memberId, query.limit ?? 50, query.before ?? null);
    return { ...page, balance: page.points.balance };
  }
}
