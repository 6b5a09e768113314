import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { StoresModule } from '../stores/stores.module';
import { RankReviewModule } from '../tiers/rank-review/rank-review.module';
import { TiersModule } from '../tiers/tiers.module';
import { ValueModule } from '../value/value.module';
import { AdminAuthController } from './admin-auth.controller';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminMembersController } from './admin-members.controller';
import { AdminRankReviewsController } from './admin-rank-reviews.controller';
import { AdminStoresController } from './admin-stores.controller';
import { AdminValueController } from './admin-value.controller';

@Module({
  imports: [AuthModule, JobsModule, StoresModule, MembersModule, PointsModule, TiersModule, ValueModule, RankReviewModule],
  controllers: [
    AdminAuthController,
    AdminJobsController,
    AdminStoresController,
    AdminMembersController,
    AdminValueController,
    AdminRankReviewsController,
  ],
})
export class AdminModule {}
