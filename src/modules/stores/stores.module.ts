import { Module } from '@nestjs/common';
import { RateLimiter } from '../../common/http/rate-limiter';
import { AuditModule } from '../audit/audit.module';
import { ApiKeyCache } from './api-key-cache';
import { PosAuthGuard } from './pos-auth.guard';
import { StoresRepository } from './stores.repository';
import { StoresService } from './stores.service';

@Module({
  imports: [AuditModule],
  providers: [StoresRepository, StoresService, ApiKeyCache, PosAuthGuard, RateLimiter],
  exports: [StoresService, PosAuthGuard, RateLimiter],
})
export class StoresModule {}
