import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LadderService } from './ladder.service';
import { TiersRepository } from './tiers.repository';
import { TiersService } from './tiers.service';

/** The ladder and tier changes; the engine that reviews, grants and simulates is TierEngineModule. */
@Module({
  imports: [AuditModule],
  providers: [TiersService, TiersRepository, LadderService],
  exports: [TiersService, TiersRepository, LadderService],
})
export class TiersModule {}
