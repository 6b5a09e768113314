import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CardsModule } from '../cards/cards.module';
import { TiersModule } from '../tiers/tiers.module';
import { MembersService } from './members.service';

@Module({
  imports: [AuditModule, CardsModule, TiersModule],
  providers: [MembersService],
  exports: [MembersService],
})
export class MembersModule {}
