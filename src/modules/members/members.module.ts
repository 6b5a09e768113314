import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CardsModule } from '../cards/cards.module';
import { MemberArchiveQueries } from './member-archive.queries';
import { MemberArchiveService } from './member-archive.service';
import { MemberSessionsRepository } from './member-sessions.repository';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';

@Module({
  imports: [AuditModule, CardsModule],
  providers: [MembersService, MembersRepository, MemberArchiveService, MemberArchiveQueries, MemberSessionsRepository],
  exports: [MembersService, MembersRepository, MemberArchiveService, MemberArchiveQueries, MemberSessionsRepository],
})
export class MembersModule {}
