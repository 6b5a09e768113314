import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../../common/api/error-responses';
import { CouponConflictsQuery, CreateRewardDto, RewardListQuery, UpdateRewardDto, VoidCouponDto } from '../rewards/dto/reward.dto';
import {
  AdminCouponResponse,
  CouponConflictsResponse,
  RewardListResponse,
  RewardResponse,
  VoidCouponResponse,
} from '../rewards/dto/reward.response';
import { ListCouponConflictsUseCase } from '../rewards/use-cases/list-coupon-conflicts.use-case';
import { ListRewardsUseCase } from '../rewards/use-cases/list-rewards.use-case';
import { LookUpCouponUseCase } from '../rewards/use-cases/look-up-coupon.use-case';
import { SaveRewardUseCase } from '../rewards/use-cases/save-reward.use-case';
import { VoidCouponUseCase } from '../rewards/use-cases/void-coupon.use-case';
import { ParseCouponCodePipe } from '../pos/parse-coupon-code.pipe';
import { StoresService } from '../stores/stores.service';
import { StoreListResponse } from '../stores/dto/store.response';

/** The rewards catalog: marketers and admins write (rewards.manage); everyone who reads members reads it. */
@ApiTags('admin')
@RequirePermission('rewards.read')
@Controller('api/v1/admin/rewards')
export class AdminRewardsController {
  constructor(
    private readonly save: SaveRewardUseCase,
    private readonly list: ListRewardsUseCase,
    private readonly stores: StoresService,
  ) {}

  @Get('store-options')
  @ApiOperation({
    summary: 'The stores a reward may be scoped to, by name (for the console form; GET stores itself needs stores.manage)',
  })
  @ApiOkResponse({ type: StoreListResponse })
  @AdminErrors()
  async storeOptions() {
    const stores = await this.stores.listStores();
    return {
      stores: stores.map((s) => ({ storeId: s.id, code: s.code, name: s.name, status: s.status, createdAt: s.createdAt.toISOString() })),
    };
  }

  @Post()
  @RequirePermission('rewards.manage')
  @ApiOperation({ summary: 'Create a reward (a coupon template with its points price, stock, limit, eligibility, sales window); audited' })
  @ApiCreatedResponse({ type: RewardResponse })
  @AdminErrors(ErrorCode.STORE_NOT_FOUND, ErrorCode.REWARD_ELIGIBILITY_UNKNOWN)
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateRewardDto) {
    return this.save.create({ type: 'admin', id: admin.adminId }, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Rewards, newest first, paged' })
  @ApiOkResponse({ type: RewardListResponse })
  @AdminErrors()
  page(@Query() q: RewardListQuery) {
    return this.list.page(q.cursor ?? null, q.limit ?? 50, q.status ?? null);
  }

  @Get(':rewardId')
  @ApiOperation({ summary: 'A reward with its stock left' })
  @ApiOkResponse({ type: RewardResponse })
  @AdminErrors(ErrorCode.REWARD_NOT_FOUND)
  one(@Param('rewardId', new ParseUUIDPipe()) rewardId: string) {
    return this.list.one(rewardId);
  }

  @Patch(':rewardId')
  @RequirePermission('rewards.manage')
  @ApiOperation({
    summary: 'Edit a reward (archive with status archived); coupons already issued keep their terms; audited',
    description: 'Changing stockTotal moves the stock left by the same amount.',
  })
  @ApiOkResponse({ type: RewardResponse })
  @AdminErrors(ErrorCode.REWARD_NOT_FOUND, ErrorCode.STORE_NOT_FOUND, ErrorCode.REWARD_ELIGIBILITY_UNKNOWN)
  update(@CurrentAdmin() admin: AdminPrincipal, @Param('rewardId', new ParseUUIDPipe()) rewardId: string, @Body() dto: UpdateRewardDto) {
    return this.save.update({ type: 'admin', id: admin.adminId }, rewardId, dto);
  }
}

/** Coupons by code: look up (support, marketers), void with a reason (support, admin), offline conflicts. */
@ApiTags('admin')
@RequirePermission('rewards.read')
@Controller('api/v1/admin/coupons')
export class AdminCouponsController {
  constructor(
    private readonly lookUp: LookUpCouponUseCase,
    private readonly voiding: VoidCouponUseCase,
    private readonly conflicts: ListCouponConflictsUseCase,
  ) {}

  @Get('conflicts')
  @ApiOperation({ summary: 'Offline receipts whose coupon could not be used (the till had given the discount): for the store’s review' })
  @ApiOkResponse({ type: CouponConflictsResponse })
  @AdminErrors()
  list(@Query() q: CouponConflictsQuery) {
    return this.conflicts.list(q.cursor ? Number(q.cursor) : null, q.limit ?? 50, q.storeId ?? null);
  }

  @Get(':code')
  @ApiOperation({ summary: 'A coupon by its code: member, state, terms, the purchase that used it' })
  @ApiParam({ name: 'code', schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,32}$' }, example: 'K7MX3QH9TD2WR8PA' })
  @ApiOkResponse({ type: AdminCouponResponse })
  @AdminErrors(ErrorCode.COUPON_NOT_FOUND)
  get(@Param('code', ParseCouponCodePipe) code: string) {
    return this.lookUp.forConsole(code);
  }

  @Post(':code/void')
  @HttpCode(200)
  @RequirePermission('coupons.void')
  @ApiOperation({
    summary: 'Void an active coupon with a reason; points paid for it go back to the member through the ledger; audited',
  })
  @ApiParam({ name: 'code', schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,32}$' }, example: 'K7MX3QH9TD2WR8PA' })
  @ApiOkResponse({ type: VoidCouponResponse })
  @AdminErrors(ErrorCode.COUPON_NOT_FOUND, ErrorCode.COUPON_NOT_VOIDABLE)
  void(@CurrentAdmin() admin: AdminPrincipal, @Param('code', ParseCouponCodePipe) code: string, @Body() dto: VoidCouponDto) {
    return this.voiding.void({ type: 'admin', id: admin.adminId }, code, dto.reason);
  }
}
