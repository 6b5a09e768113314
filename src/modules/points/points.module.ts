import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { CardsModule } from '../cards/cards.module';
import { MembersModule } from '../members/members.module';
import { ProgramModule } from '../program/program.module';
import { LedgerWriter } from './ledger/ledger-writer';
import { LedgerRepository } from './ledger/ledger.repository';
import { LedgerService } from './ledger.service';
import { PostingEvents } from './posting-events';
import { ReceiptsRepository } from './receipts/receipts.repository';
import { RedemptionsRepository } from './redemptions/redemptions.repository';
import { CancelRedemptionUseCase } from './use-cases/cancel-redemption/cancel-redemption.use-case';
import { ExpirePointsUseCase } from './use-cases/expire-points/expire-points.use-case';
import { PostPurchaseBatch } from './use-cases/post-purchase/post-purchase.batch';
import { PostPurchaseUseCase } from './use-cases/post-purchase/post-purchase.use-case';
import { PostRefundUseCase } from './use-cases/post-refund/post-refund.use-case';
import { RedeemPointsUseCase } from './use-cases/redeem-points/redeem-points.use-case';
import { ReleasePendingUseCase } from './use-cases/release-pending/release-pending.use-case';

/**
 * The points engine: one ledger writer (LedgerWriter) that every use case
 * posts through, a repository per aggregate (ledger, receipts, redemptions),
 * and one use case per file.
 */
@Module({
  imports: [MembersModule, CardsModule, JobsModule, AuditModule, ProgramModule],
  providers: [
    LedgerRepository,
    ReceiptsRepository,
    RedemptionsRepository,
    LedgerWriter,
    LedgerService,
    PostPurchaseBatch,
    PostPurchaseUseCase,
    PostRefundUseCase,
    RedeemPointsUseCase,
    CancelRedemptionUseCase,
    ExpirePointsUseCase,
    ReleasePendingUseCase,
    PostingEvents,
  ],
  exports: [
    LedgerRepository,
    ReceiptsRepository,
    RedemptionsRepository,
    LedgerWriter,
    LedgerService,
    PostPurchaseUseCase,
    PostRefundUseCase,
    RedeemPointsUseCase,
    CancelRedemptionUseCase,
    ExpirePointsUseCase,
    ReleasePendingUseCase,
    PostingEvents,
  ],
})
export class PointsModule {}
