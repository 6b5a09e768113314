import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EarningTier, PurchaseLadder, PurchasePromotions, PurchaseTierMove, PurchaseTierPromotion } from '../points/tier-promotion.port';
import { MonthlySums } from '../points/rules/monthly-stats';
import { Tier } from './entities/tier.entity';
import { canUpgrade, QualifyingStats, qualifyingWindowStart, upgradeOnPurchase, withPurchaseInHand } from './rules/tier-qualification';
import { nextReviewAt } from './rules/tier-review';
import { TiersRepository } from './tiers.repository';
import { TiersService } from './tiers.service';

/**
 * Upgrades on purchase (the purchase path's side of tiers, behind points' PURCHASE_TIER_PROMOTION port): a member
 * moves up as soon as their rolling-window figures with the purchase in hand reach a higher threshold tier.
 */
@Injectable()
export class PurchaseTierPromotionAdapter implements PurchaseTierPromotion {
  constructor(
    private readonly tiers: TiersService,
    private readonly changes: TiersRepository,
  ) {}

  async ladder(): Promise<PurchaseLadder> {
    const tiers = await this.tiers.list();
    return {
      tierOf: (code: string): EarningTier => tiers.find((t) => t.code === code) ?? tiers[0],
      start: (members, now, windowMonths, sums) => this.start(tiers, members, now, windowMonths, sums),
    };
  }

  private async start(
    tiers: Tier[],
    members: Array<{ memberId: string; tierCode: string }>,
    now: Date,
    windowMonths: number,
    sums: (memberIds: string[], fromMonth: string) => Promise<Map<string, MonthlySums>>,
  ): Promise<PurchasePromotions> {
    const windowStart = qualifyingWindowStart(now, windowMonths);
    const climbers = new Set(members.filter((m) => canUpgrade(tiers, m.tierCode)).map((m) => m.memberId));
    const stats: Map<string, QualifyingStats> = await sums([...climbers], windowStart);
    return {
      afterPurchase: (memberId, tierCode, purchase) => {
        if (!climbers.has(memberId)) {
          return null;
        }
        const withThis = withPurchaseInHand(stats.get(memberId) ?? { spendCents: 0, points: 0, purchases: 0 }, purchase, windowStart);
        stats.set(memberId, withThis);
        return upgradeOnPurchase(tiers, tierCode, withThis)?.code ?? null;
      },
      record: (m, moves, at, reviewMonths) => this.record(tiers, m, moves, at, reviewMonths),
    };
  }

  private async record(tiers: Tier[], m: EntityManager, moves: PurchaseTierMove[], at: Date, reviewMonths: number): Promise<void> {
    for (const move of moves) {
      await this.changes.changeTier(m, {
        memberId: move.memberId,
        from: move.from,
        to: move.to,
        reason: 'purchase',
        refId: move.purchaseId,
        at,
        reviewAt: nextReviewAt(at, reviewMonths, tiers.find((t) => t.code === move.to)?.rank ?? 1),
      });
    }
  }
}
