import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../../database/transaction';
import { ProgramSettingsService } from '../../points/program-settings.service';
import { monthKey, qualifyingWindowStart } from '../rules/tier-qualification';
import { stepDownTarget } from './step-down';
import { RankReviewRepository } from './rank-review.repository';

export interface RankReviewResult {
  promoted: number;
  stepped_down: number;
  holders: number;
}

/**
 * The rank review (Suning's SVIP): each rank tier, highest first, goes to
 * the top N members by value score among those who meet its minimum over the
 * qualifying window; ties are broken by 12-month spend, then member id, so it
 * is exactly N (or all the eligible when fewer). Holders who fall out step
 * down to the highest threshold tier below it that they qualify for, else the
 * entry tier. Every change is recorded with reason 'rank'. Safe to run twice:
 * a second run over the same data changes nothing.
 */
@Injectable()
export class RankReviewUseCase {
  constructor(
    private readonly repo: RankReviewRepository,
    private readonly program: ProgramSettingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute(runId: string, asOf: Date): Promise<RankReviewResult> {
    const tiers = await this.repo.tiers();
    const { qualifyingWindowMonths } = await this.program.get();
    const window = { start: qualifyingWindowStart(asOf, qualifyingWindowMonths), end: monthKey(asOf) };
    const inTx = <T>(fn: (m: EntityManager) => Promise<T>) => inTransaction(this.dataSource, fn);
    const rankTiers = tiers.filter((t) => t.kind === 'rank' && (t.rankTopN ?? 0) > 0).sort((x, y) => y.rank - x.rank);
    const result: RankReviewResult = { promoted: 0, stepped_down: 0, holders: 0 };
    const at = new Date();
    for (const tier of rankTiers) {
      const higher = tiers.filter((t) => t.rank > tier.rank).map((t) => t.code);
      const lower = tiers.filter((t) => t.rank < tier.rank).map((t) => t.code);
      const picks = await this.repo.topEligible(tier, tier.rankTopN ?? 0, window, higher);
      result.promoted += await this.repo.moveMembers(picks, lower, tier.code, runId, at, inTx);
      result.holders += picks.length;

      const picked = new Set(picks);
      const fallen = (await this.repo.holdersOf(tier.code)).filter((id) => !picked.has(id));
      const stats = await this.repo.windowStats(fallen, window);
      const byTarget = new Map<string, string[]>();
      for (const memberId of fallen) {
        const target = stepDownTarget(tiers, tier, stats.get(memberId) ?? { spendCents: 0, points: 0, purchases: 0 });
        byTarget.set(target.code, [...(byTarget.get(target.code) ?? []), memberId]);
      }
      for (const [code, ids] of byTarget) {
        result.stepped_down += await this.repo.moveMembers(ids, [tier.code], code, runId, at, inTx);
      }
    }
    return result;
  }
}
