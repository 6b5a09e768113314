import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { PointsModule } from '../points/points.module';
import { QueueModule } from '../../queue/queue.module';
import { ComputeValueRangeUseCase } from './use-cases/compute-value-range.use-case';
import { FinalizeValueRunUseCase } from './use-cases/finalize-value-run.use-case';
import { StartValueRunUseCase } from './use-cases/start-value-run.use-case';
import { UpdateValueSettingsUseCase } from './use-cases/update-value-settings.use-case';
import { ValueRepository } from './value.repository';
import { ValueService } from './value.service';

/**
 * Customer value: per-member score, grade A/B/C, RFM and rank, computed by
 * the value run over member-id ranges and a finalising step over the whole
 * population (ValueProcessor, in the worker). Rank-based tiers rank by it.
 */
@Module({
  imports: [PointsModule, JobsModule, QueueModule, AuditModule],
  providers: [
    ValueRepository,
    ValueService,
    StartValueRunUseCase,
    ComputeValueRangeUseCase,
    FinalizeValueRunUseCase,
    UpdateValueSettingsUseCase,
  ],
  exports: [ValueService, StartValueRunUseCase, ComputeValueRangeUseCase, FinalizeValueRunUseCase, UpdateValueSettingsUseCase],
})
export class ValueModule {}
