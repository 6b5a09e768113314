import { Module } from '@nestjs/common';
import { ArchiveModule } from '../archive/archive.module';
import { AuditModule } from '../audit/audit.module';
import { MembersModule } from '../members/members.module';
import { MessagesModule } from '../messages/messages.module';
import { RewardsModule } from '../rewards/rewards.module';
import { ApologyTemplateSeeder } from './apology-template';
import { ComplaintRecorder } from './complaint-recorder';
import { ComplaintsRepository } from './complaints.repository';
import { AssignComplaintUseCase } from './use-cases/assign-complaint.use-case';
import { CommentComplaintUseCase } from './use-cases/comment-complaint.use-case';
import { ComplaintStatsUseCase } from './use-cases/complaint-stats.use-case';
import { FindComplaintsUseCase } from './use-cases/find-complaints.use-case';
import { GrantGoodwillUseCase } from './use-cases/grant-goodwill.use-case';
import { GiveCouponUseCase } from './use-cases/give-coupon.use-case';
import { MoveComplaintUseCase } from './use-cases/move-complaint.use-case';
import { RaiseComplaintUseCase } from './use-cases/raise-complaint.use-case';
import { SendApologyUseCase } from './use-cases/send-apology.use-case';

const USE_CASES = [
  RaiseComplaintUseCase,
  MoveComplaintUseCase,
  AssignComplaintUseCase,
  CommentComplaintUseCase,
  SendApologyUseCase,
  GrantGoodwillUseCase,
  GiveCouponUseCase,
  FindComplaintsUseCase,
  ComplaintStatsUseCase,
];

/** Complaint cases and service recovery (apology, goodwill points, a coupon), and the store archive of complaints. */
@Module({
  imports: [ArchiveModule, AuditModule, MembersModule, MessagesModule, RewardsModule],
  providers: [ComplaintsRepository, ComplaintRecorder, ApologyTemplateSeeder, ...USE_CASES],
  exports: [ComplaintsRepository, ...USE_CASES],
})
export class ComplaintsModule {}
