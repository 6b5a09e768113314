import { Injectable, Logger } from '@nestjs/common';
import { requestHash } from '../../common/canonical-json';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { toErrorBody } from '../../common/errors/all-exceptions.filter';
import { isDependencyUnavailable } from '../../common/errors/infra-errors';
import { validateDto } from '../../common/http/validation';
import { maskName, maskPhone } from '../../common/masking';
import { Actor } from '../audit/audit.service';
import { StorePrincipal } from '../auth/auth.types';
import { ClubsService } from '../clubs/clubs.service';
import { MembersService } from '../members/members.service';
import { LedgerService } from '../points/ledger.service';
import { PostingResult, PurchaseResult } from '../points/points.types';
import { PostingsService } from '../points/postings.service';
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
    private readonly postings: PostingsService,
    private readonly ledger: LedgerService,
    private readonly tiers: TiersService,
    private readonly clubs: ClubsService,
  ) {}

  async lookup(query: LookupQueryDto): Promise<LookupResponse> {
    const given = [query.cardNo, query.phone].filter((v) => v !== undefined);
    if (given.length !== 1) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Look a member up by exactly one of cardNo or phone.', [
        { field: 'query', message: 'give cardNo or phone, not both and not neither' },
      ]);
    }
    const resolved = await this.members.resolve(query.cardNo ? { cardNo: query.cardNo } : { phone: query.phone });
    const member = await this.members.findById(resolved.memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, 'No such member.');
    }
    const [tier, points, clubs, cardNo] = await Promise.all([
      this.tiers.byCode(member.tierCode),
      this.ledger.summary(member.id),
      this.clubs.clubCodesOf(member.id),
      this.members.displayCard(member.id, resolved.cardNo),
    ]);
    return {
      memberId: member.id,
      cardNo,
      name: maskName(member.name),
      phone: maskPhone(member.phone),
      tier: { code: tier.code, name: tier.name, priorityService: tier.priorityService },
      points,
      clubs,
    };
  }

  async purchase(store: StorePrincipal, dto: PurchaseDto): Promise<PostingResult<PurchaseResult>> {
    return this.postings.purchase(
      {
        storeId: store.storeId,
        receiptNo: dto.receiptNo,
        occurredAt: new Date(dto.occurredAt),
        lines: dto.lines.map((l) => ({
          sku: l.sku,
          category: l.category.toLowerCase(),
          quantityMilli: toMilli(l.quantity),
          amountCents: l.amountCents,
        })),
        totalCents: dto.totalCents,
        requestHash: requestHash(dto),
      },
      () => this.members.resolve(dto.member),
    );
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
        const result = await this.purchase(store, validated.value);
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
    return this.postings.refund({
      storeId: store.storeId,
      refundNo: dto.refundNo,
      receiptNo: dto.receiptNo,
      lines: dto.lines.map((l) => ({ sku: l.sku, quantityMilli: toMilli(l.quantity), amountCents: l.amountCents })),
      requestHash: requestHash(dto),
    });
  }

  async redeem(store: StorePrincipal, dto: RedemptionDto) {
    return this.postings.redeem(
      { storeId: store.storeId, redemptionNo: dto.redemptionNo, points: dto.points, requestHash: requestHash(dto) },
      () => this.members.resolve(dto.member),
    );
  }

  async cancelRedemption(store: StorePrincipal, redemptionNo: string) {
    return this.postings.cancelRedemption(store.storeId, redemptionNo);
  }

  async issueCounterCard(store: StorePrincipal) {
    const actor: Actor = { type: 'store', id: store.storeId };
    return this.members.issueCounterCard(actor, store.storeId);
  }
}
