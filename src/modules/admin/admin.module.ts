import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ArchiveModule } from '../archive/archive.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ClubsModule } from '../clubs/clubs.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CardsModule } from '../cards/cards.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { MessagesModule } from '../messages/messages.module';
import { PointsModule } from '../points/points.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { StoresModule } from '../stores/stores.module';
import { RankReviewModule } from '../tiers/rank-review/rank-review.module';
import { TierEngineModule } from '../tiers/engine/tier-engine.module';
import { TiersModule } from '../tiers/tiers.module';
import { ValueModule } from '../value/value.module';
import { ProgramModule } from '../program/program.module';
import { RewardsModule } from '../rewards/rewards.module';
import { CategoriesModule } from '../categories/categories.module';
import { AdminCategoriesController } from './admin-categories.controller';
import { AdminCouponsController, AdminRewardsController } from './admin-rewards.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminCardsController } from './admin-cards.controller';
import { AdminImportController } from './admin-member-import.controller';
import { AdminUsersController } from './admin-users.controller';
import { AdminAnalyticsController } from './admin-analytics.controller';
import { AdminAuthController } from './admin-auth.controller';
import { AdminClubAnalyticsController, AdminClubsController } from './admin-clubs.controller';
import { AdminCampaignsController } from './admin-campaigns.controller';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminMembersController } from './admin-members.controller';
import { AdminMessagesController } from './admin-messages.controller';
import { AdminPrivacyController } from './admin-privacy.controller';
import { AdminStoresController } from './admin-stores.controller';
import { AdminWebhooksController } from './admin-webhooks.controller';
import { AdminRankReviewsController } from './admin-rank-reviews.controller';
import { AdminTiersController } from './admin-tiers.controller';
import { AdminValueController } from './admin-value.controller';

@Module({
  imports: [
    ProgramModule,
    AuthModule,
    JobsModule,
    StoresModule,
    MembersModule,
    PointsModule,
    TiersModule,
    MessagesModule,
    ClubsModule,
    ValueModule,
    RankReviewModule,
    TierEngineModule,
    CampaignsModule,
    ArchiveModule,
    AuditModule,
    CardsModule,
    PrivacyModule,
    AnalyticsModule,
    RewardsModule,
    CategoriesModule,
  ],
  controllers: [
    AdminAuthController,
    AdminJobsController,
    AdminStoresController,
    AdminMembersController,
    AdminMessagesController,
    AdminWebhooksController,
    AdminClubsController,
    AdminClubAnalyticsController,
    AdminValueController,
    AdminRankReviewsController,
    AdminTiersController,
    AdminCampaignsController,
    AdminImportController,
    AdminCardsController,
    AdminUsersController,
    AdminAuditController,
    AdminPrivacyController,
    AdminAnalyticsController,
    AdminRewardsController,
    AdminCategoriesController,
    AdminCouponsController,
  ],
})
export class AdminModule {}
