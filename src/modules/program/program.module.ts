import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProgramSettingsRepository } from './program-settings.repository';
import { ProgramSettingsService } from './program-settings.service';

/** The program's settings (earning rate, expiry, windows, approval limits): one row, read by every posting, edited in the console. */
@Module({
  imports: [AuditModule],
  providers: [ProgramSettingsRepository, ProgramSettingsService],
  exports: [ProgramSettingsService],
})
export class ProgramModule {}
