import { Injectable } from '@nestjs/common';
import { DomainError, ErrorDetail } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { newId } from '../../../common/ids';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { CreateRewardDto, UpdateRewardDto } from '../dto/reward.dto';
import { RewardResponse } from '../dto/reward.response';
import { Reward } from '../entities/reward.entity';
import { RewardsQueries } from '../rewards.queries';
import { RewardsRepository } from '../rewards.repository';
import { listJson, rewardView } from '../reward-views';
import { rewardEligibilityUnknown, rewardNotFound } from '../rewards.errors';
import { rewardDefinitionProblems } from '../rules/reward-definition';

const at = (v: string | null | undefined) => (v === null || v === undefined ? null : new Date(v));

/** Creates and edits catalog rewards (archive is an edit of status); every change audited with what changed. */
@Injectable()
export class SaveRewardUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly rewards: RewardsRepository,
    private readonly queries: RewardsQueries,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateRewardDto): Promise<RewardResponse> {
    const now = new Date();
    const reward = this.apply(
      {
        id: newId(),
        status: 'active',
        stockLeft: null,
        createdAt: now,
        updatedAt: now,
      } as Reward,
      dto,
      true,
    );
    reward.stockLeft = reward.stockTotal;
    await this.check(reward, dto);
    await this.transactions.retrying(async (m) => {
      await this.rewards.insert(m, reward);
      await this.audit.record(actor, 'reward.create', { type: 'reward', id: reward.id }, { ...dto }, m);
    });
    return rewardView(reward);
  }

  async update(actor: Actor, rewardId: string, dto: UpdateRewardDto): Promise<RewardResponse> {
    return this.transactions.retrying(async (m) => {
      const before = await this.rewards.lock(m, rewardId);
      if (!before) {
        throw rewardNotFound(rewardId);
      }
      const reward = this.apply({ ...before, updatedAt: new Date() }, dto, false);
      if (dto.status) {
        reward.status = dto.status;
      }
      await this.check(reward, dto);
      // The stock left moves by what the total moved; from unlimited to a number, it starts full.
      const stockDelta =
        reward.stockTotal === null ? 0 : before.stockTotal === null ? reward.stockTotal : reward.stockTotal - before.stockTotal;
      await this.rewards.update(m, reward, stockDelta);
      await this.audit.record(
        actor,
        dto.status === 'archived' ? 'reward.archive' : 'reward.update',
        { type: 'reward', id: rewardId },
        { ...dto },
        m,
      );
      return rewardView((await this.rewards.find(rewardId, m)) as Reward);
    });
  }

  /** Copies the fields the request names (on create: every field, with defaults). */
  private apply(r: Reward, dto: UpdateRewardDto, create: boolean): Reward {
    const has = (k: keyof UpdateRewardDto) => create || Object.hasOwn(dto, k);
    const out: Reward = { ...r };
    if (has('nameZh')) {
      out.nameZh = dto.nameZh as string;
    }
    if (has('nameEn')) {
      out.nameEn = dto.nameEn as string;
    }
    if (has('descriptionZh')) {
      out.descriptionZh = dto.descriptionZh ?? null;
    }
    if (has('descriptionEn')) {
      out.descriptionEn = dto.descriptionEn ?? null;
    }
    if (has('imageUrl')) {
      out.imageUrl = dto.imageUrl ?? null;
    }
    if (has('kind')) {
      out.kind = dto.kind as Reward['kind'];
    }
    if (has('valueCents')) {
      out.valueCents = dto.valueCents ?? null;
    }
    if (has('percentOff')) {
      out.percentOff = dto.percentOff ?? null;
    }
    if (has('giftSku')) {
      out.giftSku = dto.giftSku ?? null;
    }
    if (has('minSpendCents')) {
      out.minSpendCents = dto.minSpendCents ?? 0;
    }
    if (has('validFrom')) {
      out.validFrom = at(dto.validFrom);
    }
    if (has('validUntil')) {
      out.validUntil = at(dto.validUntil);
    }
    if (has('validDays')) {
      out.validDays = dto.validDays ?? null;
    }
    if (has('timezone')) {
      out.timezone = dto.timezone ?? 'Asia/Shanghai';
    }
    if (has('storeIds')) {
      out.storeIds = listJson(dto.storeIds);
    }
    if (has('pointsPrice')) {
      out.pointsPrice = dto.pointsPrice ?? null;
    }
    if (has('stockTotal')) {
      out.stockTotal = dto.stockTotal ?? null;
    }
    if (has('perMemberLimit')) {
      out.perMemberLimit = dto.perMemberLimit ?? null;
    }
    if (has('eligibleTiers')) {
      out.eligibleTiers = listJson(dto.eligibleTiers);
    }
    if (has('eligibleClubs')) {
      out.eligibleClubs = listJson(dto.eligibleClubs);
    }
    if (has('saleStartsAt')) {
      out.saleStartsAt = at(dto.saleStartsAt);
    }
    if (has('saleEndsAt')) {
      out.saleEndsAt = at(dto.saleEndsAt);
    }
    return out;
  }

  /** The terms agree, the stores exist, the tier and club codes exist (kept in their stored spelling). */
  private async check(r: Reward, dto: UpdateRewardDto): Promise<void> {
    const storeIds = dto.storeIds;
    const problems: ErrorDetail[] = rewardDefinitionProblems(r);
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `The reward is not valid: ${problems[0].message}.`, problems);
    }
    if (storeIds && storeIds.length > 0) {
      const known = await this.queries.existingStoreIds(storeIds);
      const unknown = storeIds.find((id) => !known.has(id));
      if (unknown) {
        throw new DomainError(ErrorCode.STORE_NOT_FOUND, `No store with id ${unknown}.`, [{ field: 'storeIds', message: 'unknown store' }]);
      }
    }
    if (dto.eligibleTiers) {
      r.eligibleTiers = listJson(await this.known('tiers', 'eligibleTiers', dto.eligibleTiers));
    }
    if (dto.eligibleClubs) {
      r.eligibleClubs = listJson(await this.known('clubs', 'eligibleClubs', dto.eligibleClubs));
    }
  }

  private async known(table: 'tiers' | 'clubs', field: 'eligibleTiers' | 'eligibleClubs', codes: string[]): Promise<string[]> {
    const stored = await this.queries.existingCodes(table, codes);
    const unknown = codes.filter((c) => !stored.has(c.toUpperCase()));
    if (unknown.length > 0) {
      throw rewardEligibilityUnknown(field, unknown);
    }
    return [...new Set(codes.map((c) => stored.get(c.toUpperCase()) as string))];
  }
}
