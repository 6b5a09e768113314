import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { ParseCardNoPipe } from '../admin/parse-card-no.pipe';
import { PortalErrors } from '../../common/api/error-responses';
import { CurrentMember, MemberAuth } from './auth/member-auth.guard';
import { MemberPrincipal } from './auth/member-tokens.service';
import { ClubsQuery, HistoryQuery, MyConsentsDto, UpdateMyProfileDto } from './dto/portal.dto';
import {
  ConsentsResponse,
  ConsentsUpdatedResponse,
  HistoryResponse,
  MemberCodeResponse,
  MyCardsResponse,
  MyClubResponse,
  MyClubsResponse,
  PointsResponse,
  ProfileResponse,
  ProfileUpdatedResponse,
  ReportLostResponse,
  TierProgressResponse,
} from './dto/portal.response';
import { GetHistoryUseCase } from './use-cases/get-history.use-case';
import { GetPointsUseCase } from './use-cases/get-points.use-case';
import { GetProfileUseCase } from './use-cases/get-profile.use-case';
import { GetTierProgressUseCase } from './use-cases/get-tier-progress.use-case';
import { MyCardsUseCase } from './use-cases/my-cards.use-case';
import { ShowMemberCodeUseCase } from './use-cases/show-member-code.use-case';
import { MyClubsUseCase } from './use-cases/my-clubs.use-case';
import { MyConsentsUseCase } from './use-cases/my-consents.use-case';
import { UpdateProfileUseCase } from './use-cases/update-profile.use-case';

/** The signed-in member's own data. Every route reads the member from the token, never from the request. */
@ApiTags('portal')
@MemberAuth()
@Controller('api/v1/portal/me')
export class PortalMeController {
  constructor(
    private readonly profile: GetProfileUseCase,
    private readonly updateProfile: UpdateProfileUseCase,
    private readonly points: GetPointsUseCase,
    private readonly history: GetHistoryUseCase,
    private readonly tier: GetTierProgressUseCase,
    private readonly clubs: MyClubsUseCase,
    private readonly cards: MyCardsUseCase,
    private readonly consents: MyConsentsUseCase,
    private readonly memberCode: ShowMemberCodeUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My profile, cards, tier with its benefits, and points' })
  @ApiOkResponse({ type: ProfileResponse })
  @PortalErrors()
  me(@CurrentMember() m: MemberPrincipal) {
    return this.profile.get(m.memberId);
  }

  @Patch()
  @ApiOperation({
    summary: 'Change my profile (not the phone: that is the sign-in, changed at the service desk)',
    description: 'Each changed field is kept in the member change history with the member as the actor, and audited.',
  })
  @ApiOkResponse({ type: ProfileUpdatedResponse })
  @PortalErrors(ErrorCode.STORE_NOT_FOUND)
  patch(@CurrentMember() m: MemberPrincipal, @Body() dto: UpdateMyProfileDto) {
    return this.updateProfile.update(m.memberId, { ...dto });
  }

  @Get('member-code')
  @ApiOperation({
    summary: 'My member code for the till: the codes of the next 10 minutes, a new one every 30 s (POS-API 1.2)',
    description:
      'The page shows the code whose showFrom…showUntil holds now (corrected by serverTime), as a QR code and a barcode, and asks again before refreshBefore. The codes are made from a secret of the member that never leaves the server; reporting a card lost replaces it, and codes fetched before stop working.',
  })
  @ApiOkResponse({ type: MemberCodeResponse })
  @PortalErrors()
  myMemberCode(@CurrentMember() m: MemberPrincipal): Promise<MemberCodeResponse> {
    return this.memberCode.show(m.memberId);
  }

  @Get('points')
  @ApiOperation({ summary: 'Balance, available and pending points; points expiring in each of the next 6 months with their money value' })
  @ApiOkResponse({ type: PointsResponse })
  @PortalErrors()
  myPoints(@CurrentMember() m: MemberPrincipal) {
    return this.points.get(m.memberId);
  }

  @Get('history')
  @ApiOperation({
    summary: 'My points history, newest first (as posted), each entry in words (store, receipt, amount spent, points by rule)',
    description:
      'occurredAt is when it happened (a purchase: its time at the till, so an offline receipt sent days later is dated by it); at is when it was posted. direction=earned|spent filters.',
  })
  @ApiOkResponse({ type: HistoryResponse })
  @PortalErrors()
  myHistory(@CurrentMember() m: MemberPrincipal, @Query() q: HistoryQuery) {
    return this.history.get(m.memberId, q.cursor ? Number(q.cursor) : null, q.limit ?? 20, q.direction ?? null);
  }

  @Get('tier')
  @ApiOperation({ summary: 'My tier, qualifying figures of the window, what the next tier needs, the review date and what keeps the tier' })
  @ApiOkResponse({ type: TierProgressResponse })
  @PortalErrors()
  myTier(@CurrentMember() m: MemberPrincipal) {
    return this.tier.get(m.memberId);
  }

  @Get('clubs')
  @ApiOperation({ summary: 'Clubs I am or was in, and open clubs I can join' })
  @ApiOkResponse({ type: MyClubsResponse })
  @PortalErrors()
  myClubs(@CurrentMember() m: MemberPrincipal, @Query() q: ClubsQuery) {
    return this.clubs.list(m.memberId, q.cursor ?? null, q.limit ?? 50);
  }

  @Post('clubs/:clubId/join')
  @HttpCode(200)
  @ApiOperation({ summary: 'Join an open club (again after leaving is fine; joining twice changes nothing)' })
  @ApiOkResponse({ type: MyClubResponse })
  @PortalErrors(ErrorCode.CLUB_NOT_FOUND, ErrorCode.CLUB_NOT_JOINABLE)
  join(@CurrentMember() m: MemberPrincipal, @Param('clubId', new ParseUUIDPipe()) clubId: string) {
    return this.clubs.join(m.memberId, clubId);
  }

  @Post('clubs/:clubId/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave a club; an automatic club does not put me back at its next regroup' })
  @ApiOkResponse({ type: MyClubResponse })
  @PortalErrors(ErrorCode.CLUB_NOT_FOUND, ErrorCode.CLUB_MEMBERSHIP_NOT_FOUND)
  leave(@CurrentMember() m: MemberPrincipal, @Param('clubId', new ParseUUIDPipe()) clubId: string) {
    return this.clubs.leave(m.memberId, clubId);
  }

  @Get('cards')
  @ApiOperation({ summary: 'My cards, the active one first' })
  @ApiOkResponse({ type: MyCardsResponse })
  @PortalErrors()
  myCards(@CurrentMember() m: MemberPrincipal) {
    return this.cards.list(m.memberId);
  }

  @Post('cards/:cardNo/report-lost')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report my card lost: refused at every till at once, a replacement issued, the points stay',
    description: 'Asking again answers the same replacement. A card that is not mine is 404 CARD_NOT_FOUND.',
  })
  @ApiOkResponse({ type: ReportLostResponse })
  @PortalErrors(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_STATUS_CONFLICT)
  reportLost(@CurrentMember() m: MemberPrincipal, @Param('cardNo', ParseCardNoPipe) cardNo: string) {
    return this.cards.reportLost(m.memberId, cardNo);
  }

  @Get('consents')
  @ApiOperation({ summary: 'My marketing consents per channel, with the change history' })
  @ApiOkResponse({ type: ConsentsResponse })
  @PortalErrors()
  myConsents(@CurrentMember() m: MemberPrincipal) {
    return this.consents.get(m.memberId);
  }

  @Put('consents')
  @ApiOperation({
    summary: 'Set my marketing consents (channels left out stay as they are)',
    description: 'Campaign messages reach a channel only with its consent; each change is kept in the history.',
  })
  @ApiOkResponse({ type: ConsentsUpdatedResponse })
  @PortalErrors()
  setConsents(@CurrentMember() m: MemberPrincipal, @Body() dto: MyConsentsDto) {
    return this.consents.set(m.memberId, { ...dto });
  }
}
