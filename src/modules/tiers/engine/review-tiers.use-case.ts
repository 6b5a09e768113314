import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/transaction';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { grantExpiryOutcome } from '../rules/grant-expiry';
import { qualifyingWindowStart } from '../rules/tier-qualification';
import { nextReviewAt, reviewMember } from '../rules/tier-review';
import { TierChange, TiersRepository } from '../tiers.repository';
import { TiersService } from '../tiers.service';
import { MemberRangeBounds, TierEngineRepository } from './tier-engine.repository';

const MEMBERS_PER_TRANSACTION = 500;

export interface ReviewTotals {
  reviewed: number;
  requalified: number;
  downgraded: number;
  keptByGrant: number;
  grantsEnded: number;
  grantsReverted: number;
}

/**
 * The tier review of one member-id range, safe to run twice (a reviewed
 * member's date moves on; an ended grant is closed):
 * 1. grant pass: open grants whose end has come close, and the member falls
 *    back to the tier they qualify for (reason grant_expiry), unless the last
 *    completed rank review picked them for the granted rank tier
 *    (rank_review_picks, grantExpiryOutcome);
 * 2. review pass: members whose review date has come requalify (new date, no
 *    history row: nothing changed) or move down one level (reason review).
 *    Members in a rank tier are left alone: the rank review owns them.
 * Members are read and written in batches: one locking read, one stats read,
 * a few multi-row writes per batch.
 */
@Injectable()
export class ReviewTiersUseCase {
  private readonly logger = new Logger(ReviewTiersUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: TierEngineRepository,
    private readonly tierChanges: TiersRepository,
    private readonly tiersService: TiersService,
    private readonly settings: ProgramSettingsService,
  ) {}

  async review(range: MemberRangeBounds, asOf: Date): Promise<ReviewTotals> {
    const totals: ReviewTotals = { reviewed: 0, requalified: 0, downgraded: 0, keptByGrant: 0, grantsEnded: 0, grantsReverted: 0 };
    const [program, tiers] = await Promise.all([this.settings.get(), this.tiersService.list()]);
    const windowStart = qualifyingWindowStart(asOf, program.qualifyingWindowMonths);
    const rankOf = (code: string) => tiers.find((t) => t.code === code)?.rank ?? 0;
    const now = new Date();

    for (let after = ''; ;) {
      const ids = await this.repo.endedGrants(range, asOf, after, MEMBERS_PER_TRANSACTION);
      if (ids.length === 0) {
        break;
      }
      await inTransaction(this.dataSource, async (m) => {
        const ended = await this.repo.lockEndedGrants(m, ids, asOf);
        const endedIds = ended.map((e) => e.memberId);
        const [stats, picked] = await Promise.all([
          this.repo.windowStats(m, endedIds, windowStart),
          this.repo.pickedByLastRankReview(m, endedIds),
        ]);
        const changes: TierChange[] = [];
        for (const e of ended) {
          const outcome = grantExpiryOutcome(
            tiers,
            e.grantedCode,
            e.tierCode,
            stats.get(e.memberId) ?? { spendCents: 0, points: 0, purchases: 0 },
            picked.get(e.memberId) === e.grantedCode,
          );
          if (outcome.action === 'revert' && outcome.to !== e.tierCode) {
            changes.push({
              memberId: e.memberId,
              from: e.tierCode,
              to: outcome.to,
              reason: 'grant_expiry',
              refId: String(e.grantIds[e.grantIds.length - 1]),
              at: now,
              reviewAt: nextReviewAt(asOf, program.tierReviewMonths, rankOf(outcome.to)),
            });
          }
        }
        await this.tierChanges.changeTiers(m, changes);
        await this.repo.endGrants(
          m,
          ended.flatMap((e) => e.grantIds),
          asOf,
        );
        totals.grantsEnded += ended.length;
        totals.grantsReverted += changes.length;
      });
      after = ids[ids.length - 1];
    }

    for (let after = ''; ;) {
      const ids = await this.repo.dueForReview(range, asOf, after, MEMBERS_PER_TRANSACTION);
      if (ids.length === 0) {
        break;
      }
      await inTransaction(this.dataSource, async (m) => {
        const due = await this.repo.lockDue(m, ids, asOf);
        const dueIds = due.map((d) => d.id);
        const [stats, grants] = await Promise.all([this.repo.windowStats(m, dueIds, windowStart), this.repo.activeGrants(m, dueIds, asOf)]);
        const renewed: string[] = [];
        const cleared: string[] = [];
        const changes: TierChange[] = [];
        for (const member of due) {
          const outcome = reviewMember(
            tiers,
            member.tierCode,
            stats.get(member.id) ?? { spendCents: 0, points: 0, purchases: 0 },
            grants.get(member.id) ?? null,
          );
          switch (outcome.action) {
            case 'requalify':
              renewed.push(member.id);
              totals.requalified += 1;
              break;
            case 'kept_by_grant':
              renewed.push(member.id);
              totals.keptByGrant += 1;
              break;
            case 'down':
              changes.push({
                memberId: member.id,
                from: member.tierCode,
                to: outcome.to,
                reason: 'review',
                refId: null,
                at: now,
                reviewAt: nextReviewAt(asOf, program.tierReviewMonths, rankOf(outcome.to)),
              });
              break;
            case 'skip':
              // The lowest tier (or a tier gone from the ladder) has no review; rank tiers are the rank review's.
              if (tiers.find((t) => t.code === member.tierCode)?.kind !== 'rank') {
                cleared.push(member.id);
              }
              break;
          }
        }
        await this.repo.setReviewAt(m, renewed, nextReviewAt(asOf, program.tierReviewMonths, 1), now);
        await this.repo.setReviewAt(m, cleared, null, now);
        await this.tierChanges.changeTiers(m, changes);
        totals.reviewed += due.length;
        totals.downgraded += changes.length;
      });
      after = ids[ids.length - 1];
    }
    this.logger.log({ ...totals, range, asOf: asOf.toISOString() }, 'tier review');
    return totals;
  }
}
