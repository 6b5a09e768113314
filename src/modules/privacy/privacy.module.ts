import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../../queue/queue.constants';
import { ArchiveModule } from '../archive/archive.module';
import { AuditModule } from '../audit/audit.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { SurveyPortsModule } from '../surveys/surveys.module';
import { CardsModule } from '../cards/cards.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembersModule } from '../members/members.module';
import { MessagesModule } from '../messages/messages.module';
import { MemberExportQueries } from './member-export.queries';
import { PrivacyRepository } from './privacy.repository';
import { EraseMemberUseCase } from './use-cases/erase-member.use-case';
import { ExportMemberUseCase } from './use-cases/export-member.use-case';
import { RequestErasureUseCase } from './use-cases/request-erasure.use-case';

/**
 * A member's data on request: the export (everything held about them, as
 * JSON) and the erasure (a request, then a worker that anonymises them and
 * keeps the ledger exact). Used by the admin routes and the portal's me/export
 * and me/erasure.
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.MemberErasure }),
    ArchiveModule,
    AuditModule,
    CardsModule,
    ComplaintsModule,
    SurveyPortsModule,
    JobsModule,
    MembersModule,
    MessagesModule,
  ],
  providers: [PrivacyRepository, MemberExportQueries, ExportMemberUseCase, RequestErasureUseCase, EraseMemberUseCase],
  exports: [ExportMemberUseCase, RequestErasureUseCase, EraseMemberUseCase],
})
export class PrivacyModule {}
