import { Module } from '@nestjs/common';
import { RateLimiter } from '../../common/http/rate-limiter';
import { AuditModule } from '../audit/audit.module';
import { PosAuthGuard } from './pos-auth.guard';
import { StoresService } from './stores.service';

@Module({
  imports: [AuditModule],
  providers: [StoresService, PosAuthGuard, RateLimiter],
  exports: [StoresService, PosAuthGuard, RateLimiter],
})
export class StoresModule {}
