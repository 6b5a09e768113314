import { Module } from '@nestjs/common';
import { ClubsModule } from '../clubs/clubs.module';
import { MembersModule } from '../members/members.module';
import { PointsModule } from '../points/points.module';
import { RewardsModule } from '../rewards/rewards.module';
import { StoresModule } from '../stores/stores.module';
import { TiersModule } from '../tiers/tiers.module';
import { PosController } from './pos.controller';
import { PosService } from './pos.service';

@Module({
  imports: [StoresModule, MembersModule, PointsModule, TiersModule, ClubsModule, RewardsModule],
  controllers: [PosController],
  providers: [PosService],
})
export class PosModule {}
