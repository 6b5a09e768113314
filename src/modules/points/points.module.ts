import { Module } from '@nestjs/common';
import { TiersModule } from '../tiers/tiers.module';
import { ExpiryService } from './expiry.service';
import { LedgerService } from './ledger.service';
import { PointsRepository } from './points.repository';
import { PostingsService } from './postings.service';
import { ProgramSettingsService } from './program-settings.service';

@Module({
  imports: [TiersModule],
  providers: [PointsRepository, PostingsService, ProgramSettingsService, LedgerService, ExpiryService],
  exports: [PostingsService, ProgramSettingsService, LedgerService, ExpiryService],
})
export class PointsModule {}
