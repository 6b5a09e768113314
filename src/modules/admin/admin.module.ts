import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CardsModule } from '../cards/cards.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { StoresModule } from '../stores/stores.module';
import { TiersModule } from '../tiers/tiers.module';
import { AdminAuditController, AdminCardsController, AdminImportController, AdminUsersController } from './admin-archive.controller';
import { AdminAuthController } from './admin-auth.controller';
import { AdminJobsController } from './admin-jobs.controller';
import { AdminMembersController } from './admin-members.controller';
import { AdminStoresController } from './admin-stores.controller';

@Module({
  imports: [AuthModule, JobsModule, StoresModule, MembersModule, PointsModule, TiersModule, ArchiveModule, AuditModule, CardsModule],
  controllers: [
    AdminAuthController,
    AdminJobsController,
    AdminStoresController,
    AdminImportController,
    AdminMembersController,
    AdminCardsController,
    AdminUsersController,
    AdminAuditController,
  ],
})
export class AdminModule {}
