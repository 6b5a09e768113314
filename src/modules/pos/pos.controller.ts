import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { CurrentStore } from '../../common/http/principals';
import { StorePrincipal } from '../auth/auth.types';
import { PosAuth } from '../stores/pos-auth.guard';
import { LookupQueryDto } from './dto/lookup.dto';
import {
  BatchResponse,
  CounterCardResponse,
  ErrorResponse,
  LookupResponse,
  PurchaseResponse,
  RedemptionCancelResponse,
  RedemptionResponse,
  RefundResponse,
} from './dto/pos.response';
import { DOCUMENT_NO, PurchaseBatchDto, PurchaseDto } from './dto/purchase.dto';
import { RedemptionDto } from './dto/redemption.dto';
import { RefundDto } from './dto/refund.dto';
import { PosService } from './pos.service';

const errors = [
  ApiResponse({ status: 400, description: 'VALIDATION_FAILED', type: ErrorResponse }),
  ApiResponse({ status: 401, description: 'UNAUTHENTICATED', type: ErrorResponse }),
  ApiResponse({ status: 429, description: 'RATE_LIMITED', type: ErrorResponse }),
];
function CommonErrors(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const d of errors) {
      d(target, key, descriptor);
    }
  };
}

@ApiTags('pos')
@ApiExtraModels(ErrorResponse)
@PosAuth()
@Controller('api/v1/pos')
export class PosController {
  constructor(private readonly pos: PosService) {}

  @Get('members/lookup')
  @ApiOperation({ summary: 'Look a member up by card number or phone (exactly one)' })
  @ApiResponse({ status: 200, type: LookupResponse })
  @ApiResponse({ status: 404, description: 'MEMBER_NOT_FOUND', type: ErrorResponse })
  @ApiResponse({ status: 422, description: 'CARD_INACTIVE', type: ErrorResponse })
  @CommonErrors()
  lookup(@Query() query: LookupQueryDto): Promise<LookupResponse> {
    return this.pos.lookup(query);
  }

  @Post('transactions')
  @ApiOperation({
    summary: 'Post a purchase; points accrue',
    description: 'Idempotent on receiptNo per store: the same body again returns 200 and the first answer; another body with a used receiptNo is 409 IDEMPOTENCY_CONFLICT.',
  })
  @ApiResponse({ status: 201, type: PurchaseResponse })
  @ApiResponse({ status: 200, description: 'Replay of an earlier identical request', type: PurchaseResponse })
  @ApiResponse({ status: 404, description: 'MEMBER_NOT_FOUND', type: ErrorResponse })
  @ApiResponse({ status: 409, description: 'IDEMPOTENCY_CONFLICT', type: ErrorResponse })
  @ApiResponse({ status: 422, description: 'TOTAL_MISMATCH, CARD_INACTIVE', type: ErrorResponse })
  @CommonErrors()
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
    description: 'Results come in request order; each item behaves exactly as if posted alone (201, 200 replay, or its own 4xx error).',
  })
  @ApiResponse({ status: 200, type: BatchResponse })
  @CommonErrors()
  batch(@CurrentStore() store: StorePrincipal, @Body() dto: PurchaseBatchDto): Promise<BatchResponse> {
    return this.pos.purchaseBatch(store, dto.transactions);
  }

  @Post('refunds')
  @ApiOperation({ summary: 'Refund part or all of a receipt of this store; points claw back proportionally' })
  @ApiResponse({ status: 201, type: RefundResponse })
  @ApiResponse({ status: 200, description: 'Replay', type: RefundResponse })
  @ApiResponse({ status: 404, description: 'TRANSACTION_NOT_FOUND', type: ErrorResponse })
  @ApiResponse({ status: 409, description: 'IDEMPOTENCY_CONFLICT', type: ErrorResponse })
  @ApiResponse({ status: 422, description: 'REFUND_EXCEEDS_PURCHASE', type: ErrorResponse })
  @CommonErrors()
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
  @ApiOperation({ summary: 'Spend points as a discount (100 points = ¥1 by default)' })
  @ApiResponse({ status: 201, type: RedemptionResponse })
  @ApiResponse({ status: 200, description: 'Replay', type: RedemptionResponse })
  @ApiResponse({ status: 404, description: 'MEMBER_NOT_FOUND', type: ErrorResponse })
  @ApiResponse({ status: 409, description: 'IDEMPOTENCY_CONFLICT', type: ErrorResponse })
  @ApiResponse({ status: 422, description: 'INSUFFICIENT_POINTS, CARD_INACTIVE', type: ErrorResponse })
  @CommonErrors()
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
  @ApiResponse({ status: 200, type: RedemptionCancelResponse })
  @ApiResponse({ status: 404, description: 'REDEMPTION_NOT_FOUND', type: ErrorResponse })
  @CommonErrors()
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
  @ApiResponse({ status: 201, type: CounterCardResponse })
  @CommonErrors()
  issueCard(@CurrentStore() store: StorePrincipal): Promise<CounterCardResponse> {
    return this.pos.issueCounterCard(store);
  }
}
