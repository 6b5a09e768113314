import { Injectable, Logger, Optional } from '@nestjs/common';
import { requestHash } from '../../common/canonical-json';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { toErrorBody } from '../../common/errors/all-exceptions.filter';
import { isDependencyUnavailable } from '../../common/errors/infra-errors';
import { validateDto } from '../../common/http/validation';
import { maskName, maskPhone } from '../../common/masking';
import { Actor } from '../audit/audit.service';
import { StorePrincipal } from '../auth/auth.types';
import { memberCodeNotFound } from '../cards/member-code.errors';
import { ClubActivityNotifier } from '../clubs/club-activity.notifier';
import { cardInactive, memberNotFound } from '../members/members.errors';
import { MembersRepository } from '../members/members.repository';
import { MembersService } from '../members/members.service';
import { MetricsService, PostingType } from '../metrics/metrics.service';
import { PostingResult, pointsSummary, PurchaseResult } from '../points/points.types';
import { CancelRedemptionUseCase } from '../points/use-cases/cancel-redemption/cancel-redemption.use-case';
import { PostPurchaseUseCase } from '../points/use-cases/post-purchase/post-purchase.use-case';
import { PostRefundUseCase } from '../points/use-cases/post-refund/post-refund.use-case';
import { RedeemPointsUseCase } from '../points/use-cases/redeem-points/redeem-points.use-case';
import { TiersService } from '../tiers/tiers.service';
import { LookupQueryDto } from './dto/lookup.dto';
import { BatchItemResponse, LookupResponse } from './dto/pos.response';
import { PurchaseDto } from './dto/purchase.dto';
import { RedemptionDto } from './dto/redemption.dto';
import { RefundDto } from './dto/refund.dto';

const toMilli = (quantity: number) => Math.round(quantity * 1000);

/** The POS contract over the domain services: maps DTOs to commands, holds no rules of its own. */
@Injectable()
export class PosService {
  private readonly logger = new Logger(PosService.name);

  constructor(
    private readonly members: MembersService,
    private readonly membersRepo: MembersRepository,
    private readonly purchases: PostPurchaseUseCase,
    private readonly refunds: PostRefundUseCase,
    private readonly redemptions: RedeemPointsUseCase,
    private readonly cancellations: CancelRedemptionUseCase,
    private readonly tiers: TiersService,
    private readonly clubActivity: ClubActivityNotifier,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /** Counts postings written; a replay (200, the stored answer) wrote nothing. */
  private counted<T extends { status: number }>(type: PostingType, result: T): T {
    if (result.status === 201) {
      this.metrics?.postingWritten(type);
    }
    return result;
  }

  async lookup(query: LookupQueryDto): Promise<LookupResponse> {
    const given = [query.cardNo, query.phone, query.memberCode].filter((v) => v !== undefined);
    if (given.length !== 1) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Look a member up by exactly one of cardNo, phone or memberCode.', [
        { field: 'query', message: 'give one of cardNo, phone or memberCode' },
      ]);
    }
    const view = query.memberCode
      ? await this.membersRepo.posView({ memberId: (await this.members.resolve({ memberCode: query.memberCode })).memberId })
      : await this.membersRepo.posView(query.cardNo ? { cardNo: query.cardNo } : { phone: query.phone });
    if (!view) {
      throw query.memberCode
        ? memberCodeNotFound()
        : query.cardNo
          ? memberNotFound('cardNo', query.cardNo)
          : memberNotFound('phone', query.phone ?? '');
    }
    if (query.cardNo && view.cardStatus !== 'active') {
      throw cardInactive(query.cardNo, view.cardStatus ?? 'unknown');
    }
    const tier = await this.tiers.byCode(view.tierCode);
    return {
      memberId: view.memberId,
      cardNo: view.cardNo,
      name: maskName(view.name),
      phone: maskPhone(view.phone),
      tier: { code: tier.code, name: tier.name, priorityService: tier.priorityService },
      points: pointsSummary(view.balance, view.pending),
      clubs: view.clubCodes,
    };
  }

  /** `offline`: a receipt of the offline batch, whose member code was shown at its occurredAt, not now. */
  async purchase(store: StorePrincipal, dto: PurchaseDto, offline = false): Promise<PostingResult<PurchaseResult>> {
    const occurredAt = new Date(dto.occurredAt);
    const result = this.counted(
      'purchase',
      await this.purchases.post({
        storeId: store.storeId,
        receiptNo: dto.receiptNo,
        member: offline && dto.member.memberCode ? { ...dto.member, codeShownAt: occurredAt } : dto.member,
        occurredAt,
        lines: dto.lines.map((l) => ({
          sku: l.sku,
          category: l.category.toLowerCase(),
          quantityMilli: toMilli(l.quantity),
          amountCents: l.amountCents,
        })),
        totalCents: dto.totalCents,
        requestHash: requestHash(dto),
        ...(dto.coupons && dto.coupons.length > 0 ? { coupons: dto.coupons.map((c) => c.toUpperCase()), offline } : {}),
      }),
    );
    if (result.status === 201) {
      // After the answer is made, off the purchase's transaction: the member's automatic clubs are re-evaluated by a worker.
      this.clubActivity.memberActive(result.body.memberId);
    }
    return result;
  }

  /** Offline upload: each item is validated and posted exactly as if it came alone, in order. */
  async purchaseBatch(store: StorePrincipal, items: unknown[]): Promise<{ results: BatchItemResponse[] }> {
    const results: BatchItemResponse[] = [];
    for (const item of items) {
      const receiptNo =
        item && typeof item === 'object' && typeof (item as { receiptNo?: unknown }).receiptNo === 'string'
          ? (item as { receiptNo: string }).receiptNo
          : null;
      try {
        const validated = await validateDto(PurchaseDto, item);
        if ('error' in validated) {
          throw validated.error;
        }
        const result = await this.purchase(store, validated.value, true);
        results.push({ receiptNo, status: result.status, body: result.body });
      } catch (err) {
        if (isDependencyUnavailable(err)) {
          // The database is away: the whole upload answers 503 now instead of waiting out every item. Items
          // posted before it are committed and replay as 200 when the till resends the batch.
          throw err;
        }
        const error = toErrorBody(err, this.logger);
        results.push({ receiptNo, status: error.statusCode, error });
      }
    }
    return { results };
  }

  async refund(store: StorePrincipal, dto: RefundDto) {
    const result = this.counted(
      'refund',
      await this.refunds.refund({
        storeId: store.storeId,
        refundNo: dto.refundNo,
        receiptNo: dto.receiptNo,
        lines: dto.lines.map((l) => ({ sku: l.sku, quantityMilli: toMilli(l.quantity), amountCents: l.amountCents })),
        requestHash: requestHash(dto),
      }),
    );
    if (result.status === 201) {
      // A refund can take a member below a rule (clubs that drop unmatched members): re-evaluated off the hot path too.
      this.clubActivity.memberActive(result.body.memberId);
    }
    return result;
  }

  async redeem(store: StorePrincipal, dto: RedemptionDto) {
    return this.counted(
      'redemption',
      await this.redemptions.redeem({
        storeId: store.storeId,
        redemptionNo: dto.redemptionNo,
        member: dto.member,
        points: dto.points,
        requestHash: requestHash(dto),
      }),
    );
  }

  async cancelRedemption(store: StorePrincipal, redemptionNo: string) {
    const result = await this.cancellations.cancel(store.storeId, redemptionNo);
    // A repeated cancel returns the stored answer and is counted too: the contract gives it no replay status.
    this.metrics?.postingWritten('redemption_cancel');
    return result;
  }

  async issueCounterCard(store: StorePrincipal) {
    const actor: Actor = { type: 'store', id: store.storeId };
    return this.members.issueCounterCard(actor, store.storeId);
  }
}
