import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CardLifecycleService } from './card-lifecycle.service';
import { CardsRepository } from './cards.repository';
import { CardsService } from './cards.service';

@Module({
  imports: [AuditModule],
  providers: [CardsRepository, CardsService, CardLifecycleService],
  exports: [CardsRepository, CardsService, CardLifecycleService],
})
export class CardsModule {}
