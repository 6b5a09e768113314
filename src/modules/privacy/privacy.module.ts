import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../../queue/queue.constants';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { MessagesModule } from '../messages/messages.module';
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
  imports: [BullModule.registerQueue({ name: QueueName.MemberErasure }), AuditModule, JobsModule, MessagesModule],
  providers: [PrivacyRepository, ExportMemberUseCase, RequestErasureUseCase, EraseMemberUseCase],
  exports: [ExportMemberUseCase, RequestErasureUseCase, EraseMemberUseCase],
})
export class PrivacyModule {}
