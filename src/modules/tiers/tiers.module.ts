import { Module } from '@nestjs/common';
import { TiersRepository } from './tiers.repository';
import { TiersService } from './tiers.service';

@Module({
  providers: [TiersService, TiersRepository],
  exports: [TiersService, TiersRepository],
})
export class TiersModule {}
