import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../../queue/queue.constants';
import { AuditModule } from '../audit/audit.module';
import { CardsModule } from '../cards/cards.module';
import { ClubsModule } from '../clubs/clubs.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { TierEngineModule } from '../tiers/engine/tier-engine.module';
import { TiersModule } from '../tiers/tiers.module';
import { ProgramModule } from '../program/program.module';
import { MemberImportService } from './import/member-import.service';
import { MemberImportsRepository } from './import/member-imports.repository';
import { MemberMergesRepository } from './member-merges.repository';
import { CouponPortsModule } from '../rewards/rewards.module';
import { PointAdjustmentsRepository } from './point-adjustments.repository';
import { AdjustPointsUseCase } from './use-cases/adjust-points.use-case';
import { GetMemberDetailUseCase } from './use-cases/get-member-detail.use-case';
import { MergeMembersUseCase } from './use-cases/merge-members.use-case';
import { MemberTimelineQueries } from './member-timeline.queries';
import { GetMemberTimelineUseCase } from './use-cases/get-member-timeline.use-case';

/**
 * The member archive's operations that span members and points: manual
 * adjustments, merging duplicates, CSV import, a member's detail. (Profile, notes, tags and
 * search live in the members module; card changes in the cards module.)
 */
@Module({
  imports: [
    ProgramModule,
    CouponPortsModule,
    BullModule.registerQueue({ name: QueueName.MemberImport }),
    AuditModule,
    CardsModule,
    ClubsModule,
    JobsModule,
    MembersModule,
    PointsModule,
    TiersModule,
    TierEngineModule,
  ],
  providers: [
    MemberImportsRepository,
    MemberMergesRepository,
    PointAdjustmentsRepository,
    AdjustPointsUseCase,
    MergeMembersUseCase,
    GetMemberDetailUseCase,
    MemberImportService,
    MemberTimelineQueries,
    GetMemberTimelineUseCase,
  ],
  exports: [
    MemberImportsRepository,
    AdjustPointsUseCase,
    MergeMembersUseCase,
    GetMemberDetailUseCase,
    MemberImportService,
    GetMemberTimelineUseCase,
  ],
})
export class ArchiveModule {}
