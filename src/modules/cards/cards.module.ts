import { Module } from '@nestjs/common';
import { Clock } from '../../common/time';
import { AuditModule } from '../audit/audit.module';
import { CardLifecycleService } from './card-lifecycle.service';
import { CardsRepository } from './cards.repository';
import { CardsService } from './cards.service';
import { MemberCodesRepository } from './member-codes.repository';
import { MemberCodesService } from './member-codes.service';

@Module({
  imports: [AuditModule],
  providers: [CardsRepository, CardsService, CardLifecycleService, MemberCodesRepository, MemberCodesService, Clock],
  exports: [CardsRepository, CardsService, CardLifecycleService, MemberCodesRepository, MemberCodesService],
})
export class CardsModule {}
