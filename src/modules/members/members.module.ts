import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CardsModule } from '../cards/cards.module';
import { MemberArchiveRepository } from './member-archive.repository';
import { MemberArchiveService } from './member-archive.service';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';

@Module({
  imports: [AuditModule, CardsModule],
  providers: [MembersService, MembersRepository, MemberArchiveService, MemberArchiveRepository],
  exports: [MembersService, MembersRepository, MemberArchiveService, MemberArchiveRepository],
})
export class MembersModule {}
