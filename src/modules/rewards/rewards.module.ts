import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClubsModule } from '../clubs/clubs.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { MessagesModule } from '../messages/messages.module';
import { PURCHASE_COUPONS } from '../points/purchase-coupons.port';
import { PointsModule } from '../points/points.module';
import { CouponNoticeTemplatesSeeder } from './coupon-notice-templates';
import { CouponsQueries } from './coupons.queries';
import { CouponsRepository } from './coupons.repository';
import { RewardsQueries } from './rewards.queries';
import { RewardsRepository } from './rewards.repository';
import { ExchangeRewardUseCase } from './use-cases/exchange-reward.use-case';
import { ExpireCouponsUseCase } from './use-cases/expire-coupons.use-case';
import { IssueCoupon } from './use-cases/issue-coupon';
import { ListCouponConflictsUseCase } from './use-cases/list-coupon-conflicts.use-case';
import { ListRewardsUseCase } from './use-cases/list-rewards.use-case';
import { LookUpCouponUseCase } from './use-cases/look-up-coupon.use-case';
import { MemberCatalogUseCase } from './use-cases/member-catalog.use-case';
import { MyCouponsUseCase } from './use-cases/my-coupons.use-case';
import { RedeemPurchaseCoupons } from './use-cases/redeem-purchase-coupons';
import { SaveRewardUseCase } from './use-cases/save-reward.use-case';
import { VoidCouponUseCase } from './use-cases/void-coupon.use-case';

/**
 * Coupons on purchases, behind points' PURCHASE_COUPONS port. Global, so the
 * points module finds it without importing rewards (which imports points).
 */
@Global()
@Module({
  providers: [CouponsRepository, RedeemPurchaseCoupons, { provide: PURCHASE_COUPONS, useExisting: RedeemPurchaseCoupons }],
  exports: [CouponsRepository, PURCHASE_COUPONS],
})
export class CouponPortsModule {}

const USE_CASES = [
  SaveRewardUseCase,
  ListRewardsUseCase,
  MemberCatalogUseCase,
  ExchangeRewardUseCase,
  MyCouponsUseCase,
  LookUpCouponUseCase,
  VoidCouponUseCase,
  ListCouponConflictsUseCase,
  ExpireCouponsUseCase,
];

/** The rewards catalog and the coupons it issues: exchange, look-up, void, expiry, conflicts, liability. */
@Module({
  imports: [CouponPortsModule, PointsModule, MembersModule, ClubsModule, MessagesModule, AuditModule, JobsModule],
  providers: [RewardsRepository, RewardsQueries, CouponsQueries, IssueCoupon, CouponNoticeTemplatesSeeder, ...USE_CASES],
  exports: [IssueCoupon, RewardsRepository, CouponsQueries, ...USE_CASES],
})
export class RewardsModule {}
