import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CardLifecycleService } from './card-lifecycle.service';
import { CardsService } from './cards.service';

@Module({
  imports: [AuditModule],
  providers: [CardsService, CardLifecycleService],
  exports: [CardsService, CardLifecycleService],
})
export class CardsModule {}
