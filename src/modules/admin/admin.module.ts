import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { StoresModule } from '../stores/stores.module';
import { TiersModule } from '../tiers/tiers.module';
import { AdminAuthController } from './admin-auth.controller';
import { AdminCampaignsController } from './admin-campaigns.controller';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminMembersController } from './admin-members.controller';
import { AdminStoresController } from './admin-stores.controller';

@Module({
  imports: [AuthModule, JobsModule, StoresModule, MembersModule, PointsModule, TiersModule, CampaignsModule],
  controllers: [AdminCampaignsController, AdminAuthController, AdminJobsController, AdminStoresController, AdminMembersController],
})
export class AdminModule {}
