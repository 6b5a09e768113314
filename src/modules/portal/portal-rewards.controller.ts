import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCode } from '../../common/errors/error-code';
import { PortalErrors } from '../../common/api/error-responses';
import { ExchangeRewardDto } from '../rewards/dto/reward.dto';
import { CatalogResponse, ExchangeResponse, MyCouponsResponse } from '../rewards/dto/reward.response';
import { ExchangeRewardUseCase } from '../rewards/use-cases/exchange-reward.use-case';
import { MemberCatalogUseCase } from '../rewards/use-cases/member-catalog.use-case';
import { MyCouponsUseCase } from '../rewards/use-cases/my-coupons.use-case';
import { CurrentMember, MemberAuth } from './auth/member-auth.guard';
import { MemberPrincipal } from './auth/member-tokens.service';

/** Rewards the signed-in member can exchange, the exchange itself, and the member's coupons. */
@ApiTags('portal')
@MemberAuth()
@Controller('api/v1/portal')
export class PortalRewardsController {
  constructor(
    private readonly catalog: MemberCatalogUseCase,
    private readonly exchanges: ExchangeRewardUseCase,
    private readonly coupons: MyCouponsUseCase,
  ) {}

  @Get('rewards')
  @ApiOperation({ summary: 'Rewards on offer now; for each, whether I may exchange it and why not (points, stock, limit, tier, club)' })
  @ApiOkResponse({ type: CatalogResponse })
  @PortalErrors()
  list(@CurrentMember() m: MemberPrincipal) {
    return this.catalog.list(m.memberId);
  }

  @Post('rewards/:rewardId/exchange')
  @ApiOperation({
    summary: 'Exchange points for a reward: the points leave and a coupon is issued, in one transaction',
    description:
      'Once per idempotencyKey: sending the same key again answers 200 with the first result (never a second coupon); the same key for another reward is 409 IDEMPOTENCY_CONFLICT.',
  })
  @ApiResponse({ status: 201, type: ExchangeResponse, description: 'Exchanged: the coupon' })
  @ApiResponse({ status: 200, type: ExchangeResponse, description: 'The same idempotencyKey again: the first result' })
  @PortalErrors(ErrorCode.REWARD_NOT_FOUND, ErrorCode.REWARD_NOT_AVAILABLE, ErrorCode.INSUFFICIENT_POINTS, ErrorCode.IDEMPOTENCY_CONFLICT)
  async exchange(
    @CurrentMember() m: MemberPrincipal,
    @Param('rewardId', new ParseUUIDPipe()) rewardId: string,
    @Body() dto: ExchangeRewardDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExchangeResponse> {
    const result = await this.exchanges.exchange(m.memberId, rewardId, dto.idempotencyKey);
    res.status(result.status);
    return result.body;
  }

  @Get('me/coupons')
  @ApiOperation({ summary: 'My coupons: active (soonest to expire first), used, expired and voided' })
  @ApiOkResponse({ type: MyCouponsResponse })
  @PortalErrors()
  mine(@CurrentMember() m: MemberPrincipal) {
    return this.coupons.list(m.memberId);
  }
}
