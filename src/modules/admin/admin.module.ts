import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { StoresModule } from '../stores/stores.module';
import { TierEngineModule } from '../tiers/engine/tier-engine.module';
import { TiersModule } from '../tiers/tiers.module';
import { AdminAuthController } from './admin-auth.controller';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminMembersController } from './admin-members.controller';
import { AdminStoresController } from './admin-stores.controller';
import { AdminTiersController } from './admin-tiers.controller';

@Module({
  imports: [AuthModule, JobsModule, StoresModule, MembersModule, PointsModule, TiersModule, TierEngineModule],
  controllers: [AdminAuthController, AdminJobsController, AdminStoresController, AdminMembersController, AdminTiersController],
})
export class AdminModule {}
