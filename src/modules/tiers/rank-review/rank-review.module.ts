import { Module } from '@nestjs/common';
import { JobsModule } from '../../jobs/jobs.module';
import { PointsModule } from '../../points/points.module';
import { QueueModule } from '../../../queue/queue.module';
import { ProgramModule } from '../../program/program.module';
import { TiersModule } from '../tiers.module';
import { RankReviewRepository } from './rank-review.repository';
import { RankReviewUseCase } from './rank-review.use-case';
import { StartRankReviewUseCase } from './start-rank-review.use-case';

/** Rank-based tiers (SVIP = the top N by value score): the rank review and its start. */
@Module({
  imports: [ProgramModule, TiersModule, PointsModule, JobsModule, QueueModule],
  providers: [RankReviewRepository, RankReviewUseCase, StartRankReviewUseCase],
  exports: [RankReviewUseCase, StartRankReviewUseCase],
})
export class RankReviewModule {}
