import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { CurrentStore } from '../auth/principals';
import { StorePrincipal } from '../auth/auth.types';
import { PosAuth } from '../stores/pos-auth.guard';
import { LookupQueryDto } from './dto/lookup.dto';
import './dto/pos.fast-validation';
import {
  BATCH_REQUEST_EXAMPLE,
  BATCH_RESPONSE_EXAMPLE,
  BatchResponse,
  COUNTER_CARD_RESPONSE_EXAMPLE,
  CounterCardResponse,
  LOOKUP_RESPONSE_EXAMPLE,
  LookupResponse,
  PURCHASE_REQUEST_EXAMPLE,
  PURCHASE_RESPONSE_EXAMPLE,
  PurchaseResponse,
  REDEMPTION_CANCEL_RESPONSE_EXAMPLE,
  REDEMPTION_REQUEST_EXAMPLE,
  REDEMPTION_RESPONSE_EXAMPLE,
  RedemptionCancelResponse,
  RedemptionResponse,
  REFUND_REQUEST_EXAMPLE,
  REFUND_RESPONSE_EXAMPLE,
  RefundResponse,
} from './dto/pos.response';
import { DOCUMENT_NO, PurchaseBatchDto, PurchaseDto } from './dto/purchase.dto';
import { RedemptionDto } from './dto/redemption.dto';
import { RefundDto } from './dto/refund.dto';
import { PosErrors, PosOk } from './pos.openapi';
import { PosService } from './pos.service';
import { ParseCouponCodePipe } from './parse-coupon-code.pipe';
import { CouponLookupLimitGuard } from './coupon-lookup-limit.guard';
import { COUPON_EXAMPLE, PosCouponResponse } from '../rewards/dto/reward.response';
import { LookUpCouponUseCase } from '../rewards/use-cases/look-up-coupon.use-case';

@ApiTags('pos')
@PosAuth()
@Controller('api/v1/pos')
export class PosController {
  constructor(
    private readonly pos: PosService,
    private readonly coupons: LookUpCouponUseCase,
  ) {}

  @Get('coupons/:code')
  @UseGuards(CouponLookupLimitGuard)
  @ApiOperation({
    summary: '(1.2) Check a coupon before giving its discount: its terms, and whether it can be used in this store now',
    description:
      'usable false with the reason of COUPON_NOT_VALID when it cannot be used here now (status redeemed, expired or void also shows). The member and the minimum spend are checked with the purchase. Look-ups are also limited per store (RATE_LIMIT_POS_COUPON_LOOKUPS_PER_MINUTE, default 300 a minute, all its keys together): over it, 429 RATE_LIMITED with Retry-After.',
  })
  @ApiParam({ name: 'code', schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,32}$', maxLength: 32 }, example: COUPON_EXAMPLE.code })
  @PosOk(200, PosCouponResponse, COUPON_EXAMPLE, 'The coupon')
  @PosErrors(ErrorCode.COUPON_NOT_FOUND)
  coupon(@CurrentStore() store: StorePrincipal, @Param('code', ParseCouponCodePipe) code: string): Promise<PosCouponResponse> {
    return this.coupons.forTill(code, store.storeId);
  }

  @Get('members/lookup')
  @ApiOperation({
    summary: 'Look a member up by card number, phone or (1.2) member code (exactly one)',
    description:
      'A member code is accepted in its 30-second step and the next (60 s): older is 422 MEMBER_CODE_EXPIRED, a code that never existed 404 MEMBER_NOT_FOUND. A merged member’s code names the survivor.',
  })
  @PosOk(200, LookupResponse, LOOKUP_RESPONSE_EXAMPLE, 'The member, masked, with tier, points and clubs')
  @PosErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.CARD_INACTIVE, ErrorCode.MEMBER_CODE_EXPIRED)
  lookup(@Query() query: LookupQueryDto): Promise<LookupResponse> {
    return this.pos.lookup(query);
  }

  @Post('transactions')
  @ApiOperation({
    summary: 'Post a purchase; points accrue',
    description:
      'Idempotent on receiptNo per store: the same body again returns 200 and the first answer (also when its member code has expired since); another body with a used receiptNo is 409 IDEMPOTENCY_CONFLICT.',
  })
  @ApiBody({ type: PurchaseDto, examples: { purchase: { summary: 'Two litres of milk', value: PURCHASE_REQUEST_EXAMPLE } } })
  @PosOk(201, PurchaseResponse, PURCHASE_RESPONSE_EXAMPLE, 'Posted; points earned')
  @PosOk(200, PurchaseResponse, PURCHASE_RESPONSE_EXAMPLE, 'Replay of an earlier identical request: the first answer again')
  @PosErrors(
    ErrorCode.MEMBER_NOT_FOUND,
    ErrorCode.IDEMPOTENCY_CONFLICT,
    ErrorCode.TOTAL_MISMATCH,
    ErrorCode.CARD_INACTIVE,
    ErrorCode.RECEIPT_TOO_OLD,
    ErrorCode.MEMBER_CODE_EXPIRED,
    ErrorCode.COUPON_NOT_FOUND,
    ErrorCode.COUPON_ALREADY_REDEEMED,
    ErrorCode.COUPON_NOT_VALID,
  )
  async purchase(
    @CurrentStore() store: StorePrincipal,
    @Body() dto: PurchaseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PurchaseResponse> {
    const result = await this.pos.purchase(store, dto);
    res.status(result.status);
    return result.body;
  }

  @Post('transactions/batch')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload up to 500 offline purchases',
    description:
      'Results come in request order; each item behaves exactly as if posted alone (201, 200 replay, or its own 4xx error), except that a member code is judged at the receipt’s occurredAt (when the till scanned it), not at the upload.',
  })
  @ApiBody({ type: PurchaseBatchDto, examples: { offline: { summary: 'Two receipts kept while offline', value: BATCH_REQUEST_EXAMPLE } } })
  @PosOk(200, BatchResponse, BATCH_RESPONSE_EXAMPLE, 'One result per receipt, in request order')
  @PosErrors()
  batch(@CurrentStore() store: StorePrincipal, @Body() dto: PurchaseBatchDto): Promise<BatchResponse> {
    return this.pos.purchaseBatch(store, dto.transactions);
  }

  @Post('refunds')
  @ApiOperation({ summary: 'Refund part or all of a receipt of this store; points claw back proportionally' })
  @ApiBody({ type: RefundDto, examples: { refund: { summary: 'One of the two litres back', value: REFUND_REQUEST_EXAMPLE } } })
  @PosOk(201, RefundResponse, REFUND_RESPONSE_EXAMPLE, 'Refunded; points clawed back')
  @PosOk(200, RefundResponse, REFUND_RESPONSE_EXAMPLE, 'Replay of an earlier identical request: the first answer again')
  @PosErrors(ErrorCode.TRANSACTION_NOT_FOUND, ErrorCode.IDEMPOTENCY_CONFLICT, ErrorCode.REFUND_EXCEEDS_PURCHASE)
  async refund(
    @CurrentStore() store: StorePrincipal,
    @Body() dto: RefundDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RefundResponse> {
    const result = await this.pos.refund(store, dto);
    res.status(result.status);
    return result.body;
  }

  @Post('redemptions')
  @ApiOperation({
    summary: 'Spend points as a discount (100 points = ¥1 by default)',
    description:
      'A member code pays once: a second redemption named by the same code (or by an older one of the member) is 422 MEMBER_CODE_EXPIRED; a replay of the same redemptionNo and body returns its first answer.',
  })
  @ApiBody({ type: RedemptionDto, examples: { redemption: { summary: '500 points for ¥5 off', value: REDEMPTION_REQUEST_EXAMPLE } } })
  @PosOk(201, RedemptionResponse, REDEMPTION_RESPONSE_EXAMPLE, 'Redeemed: give discountCents off')
  @PosOk(200, RedemptionResponse, REDEMPTION_RESPONSE_EXAMPLE, 'Replay of an earlier identical request: the first answer again')
  @PosErrors(
    ErrorCode.MEMBER_NOT_FOUND,
    ErrorCode.IDEMPOTENCY_CONFLICT,
    ErrorCode.REDEMPTION_CANCELLED,
    ErrorCode.INSUFFICIENT_POINTS,
    ErrorCode.CARD_INACTIVE,
    ErrorCode.MEMBER_CODE_EXPIRED,
  )
  async redeem(
    @CurrentStore() store: StorePrincipal,
    @Body() dto: RedemptionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RedemptionResponse> {
    const result = await this.pos.redeem(store, dto);
    res.status(result.status);
    return result.body;
  }

  @Post('redemptions/:redemptionNo/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a redemption; the points return to their lots. Cancelling again returns the same body.' })
  @PosOk(200, RedemptionCancelResponse, REDEMPTION_CANCEL_RESPONSE_EXAMPLE, 'Cancelled (or already cancelled): the points are back')
  @ApiParam({ name: 'redemptionNo', schema: { type: 'string', pattern: DOCUMENT_NO.source, maxLength: 64 }, example: 'D-0001' })
  @PosErrors(ErrorCode.REDEMPTION_NOT_FOUND)
  cancel(@CurrentStore() store: StorePrincipal, @Param('redemptionNo') redemptionNo: string): Promise<RedemptionCancelResponse> {
    if (!DOCUMENT_NO.test(redemptionNo)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'redemptionNo in the path is not a valid redemption number.', [
        { field: 'redemptionNo', message: 'must be 1 to 64 letters, digits or . _ : -' },
      ]);
    }
    return this.pos.cancelRedemption(store, redemptionNo);
  }

  @Post('cards')
  @ApiOperation({ summary: 'Issue a card at the counter: a temporary member that can register online later and keep its points' })
  @PosOk(201, CounterCardResponse, COUNTER_CARD_RESPONSE_EXAMPLE, 'A new card and its temporary member')
  @PosErrors()
  issueCard(@CurrentStore() store: StorePrincipal): Promise<CounterCardResponse> {
    return this.pos.issueCounterCard(store);
  }
}
