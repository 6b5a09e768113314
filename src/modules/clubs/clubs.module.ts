import { Module } from '@nestjs/common';
import { QueueModule } from '../../queue/queue.module';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { CategoriesModule } from '../categories/categories.module';
import { ClubActivityNotifier } from './club-activity.notifier';
import { ClubMembershipService } from './club-membership.service';
import { ClubsRepository } from './clubs.repository';
import { ClubsService } from './clubs.service';

/** Niche clubs: CRUD, rules, membership (incremental and regroups), reports. The processor runs in workers only. */
@Module({
  imports: [QueueModule, AuditModule, JobsModule, MembersModule, PointsModule, CategoriesModule],
  providers: [ClubsRepository, ClubsService, ClubMembershipService, ClubActivityNotifier],
  exports: [ClubsRepository, ClubsService, ClubMembershipService, ClubActivityNotifier],
})
export class ClubsModule {}
