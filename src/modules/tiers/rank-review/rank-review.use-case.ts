import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../../database/transaction';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { rankSeats } from '../../value/rules/rank-selection';
import { nextRankReviewAt } from '../rules/rank-review-date';
import { qualifyingWindowStart } from '../rules/tier-qualification';
import { monthKey } from '../../points/rules/monthly-stats';
import { nextReviewAt } from '../rules/tier-review';
import { fallenHolderOutcome } from './step-down';
import { RankReviewRepository } from './rank-review.repository';

export interface RankReviewResult {
  promoted: number;
  steppedDown: number;
  holders: number;
  /** Holders not picked whom an open manual grant keeps in the tier until it ends. */
  keptByGrant: number;
  /** Seats of the rank tiers: rankTopN, or ceil(rankTopPermille‰ of the membership), summed over rank tiers. */
  seats: number;
}

/**
 * The rank review (Suning's SVIP): each rank tier, highest first, goes to
 * its seats — the top N members, or the top x% of the membership — by value
 * score among those who meet its minimum over the qualifying window; ties are
 * broken by 12-month spend, then member id, so it is exactly the seats (or
 * all the eligible when fewer); merged, erasing and erased members take no
 * seat. Every pick gets the next rank review as their review date, and is
 * recorded as this run's pick (rank_review_picks: what the end of a grant of
 * the tier is decided by). Holders who were not picked step down to the highest threshold
 * tier below it that they qualify for (never below a lower tier granted to
 * them), else the entry tier, with the review date of that tier; a holder
 * whose manual grant of the tier is still open stays until the grant ends
 * (the tier review's grant pass then decides). Every change is recorded with
 * reason 'rank'. Safe to run twice: a second run over the same data changes
 * nothing.
 */
@Injectable()
export class RankReviewUseCase {
  constructor(
    private readonly repo: RankReviewRepository,
    private readonly program: ProgramSettingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async review(runId: string, asOf: Date): Promise<RankReviewResult> {
    const tiers = await this.repo.tiers();
    const { qualifyingWindowMonths, tierReviewMonths } = await this.program.get();
    const window = { start: qualifyingWindowStart(asOf, qualifyingWindowMonths), end: monthKey(asOf) };
    const inTx = <T>(fn: (m: EntityManager) => Promise<T>) => inTransaction(this.dataSource, fn);
    const rankTiers = tiers
      .filter((t) => t.kind === 'rank' && (t.rankTopN !== null || t.rankTopPermille !== null))
      .sort((x, y) => y.rank - x.rank);
    const result: RankReviewResult = { promoted: 0, steppedDown: 0, holders: 0, keptByGrant: 0, seats: 0 };
    if (rankTiers.length === 0) {
      return result;
    }
    const population = rankTiers.some((t) => t.rankTopN === null) ? await this.repo.population() : 0;
    const at = new Date();
    const nextRank = nextRankReviewAt(asOf);
    for (const tier of rankTiers) {
      const seats = rankSeats(tier, population);
      result.seats += seats;
      const higher = tiers.filter((t) => t.rank > tier.rank).map((t) => t.code);
      const lower = tiers.filter((t) => t.rank < tier.rank).map((t) => t.code);
      const picks = seats > 0 ? await this.repo.topEligible(tier, seats, window, higher) : [];
      result.promoted += await this.repo.moveMembers(picks, lower, tier.code, { refId: runId, at, reviewAt: nextRank }, inTx);
      await this.repo.setReviewAt(picks, tier.code, nextRank);
      await this.repo.recordPicks(runId, tier.code, picks);
      result.holders += picks.length;

      const picked = new Set(picks);
      const fallen = (await this.repo.holdersOf(tier.code)).filter((id) => !picked.has(id));
      const [stats, grants] = await Promise.all([this.repo.windowStats(fallen, window), this.repo.activeGrants(fallen, asOf)]);
      const byTarget = new Map<string, string[]>();
      for (const memberId of fallen) {
        const outcome = fallenHolderOutcome(
          tiers,
          tier,
          stats.get(memberId) ?? { spendCents: 0, points: 0, purchases: 0 },
          grants.get(memberId) ?? null,
        );
        if (outcome.action === 'kept_by_grant') {
          result.keptByGrant += 1;
          continue;
        }
        const group = byTarget.get(outcome.to) ?? [];
        group.push(memberId);
        byTarget.set(outcome.to, group);
      }
      for (const [code, ids] of byTarget) {
        const target = tiers.find((t) => t.code === code);
        const reviewAt = nextReviewAt(asOf, tierReviewMonths, target?.rank ?? 0);
        result.steppedDown += await this.repo.moveMembers(ids, [tier.code], code, { refId: runId, at, reviewAt }, inTx);
      }
    }
    return result;
  }
}
