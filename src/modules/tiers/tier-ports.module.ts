import { Global, Module } from '@nestjs/common';
import { MEMBER_TIERS, MemberTiers } from '../members/member-tiers.port';
import { PURCHASE_TIER_PROMOTION } from '../points/tier-promotion.port';
import { PurchaseTierPromotionAdapter } from './purchase-tier-promotion';
import { TiersModule } from './tiers.module';
import { TiersRepository } from './tiers.repository';
import { TiersService } from './tiers.service';

/**
 * What members and points ask of tiers, through ports they own (MEMBER_TIERS, PURCHASE_TIER_PROMOTION). Global, so
 * those lower modules find them without importing tiers; imported once by each root module (API, worker).
 */
@Global()
@Module({
  imports: [TiersModule],
  providers: [
    PurchaseTierPromotionAdapter,
    { provide: PURCHASE_TIER_PROMOTION, useExisting: PurchaseTierPromotionAdapter },
    {
      provide: MEMBER_TIERS,
      inject: [TiersService, TiersRepository],
      useFactory: (tiers: TiersService, history: TiersRepository): MemberTiers => ({
        entryTier: () => tiers.entryTier(),
        list: () => tiers.list(),
        recordEnrolments: (m, memberIds, tierCode, at) => history.recordEnrolments(m, memberIds, tierCode, at),
      }),
    },
  ],
  exports: [PURCHASE_TIER_PROMOTION, MEMBER_TIERS],
})
export class TierPortsModule {}
