import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MembersService } from '../../members/members.service';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { criteriaOf, thresholdsOf } from '../../tiers/criteria/tier-criteria';
import { qualifyingWindowStart } from '../../tiers/rules/tier-qualification';
import { TiersService } from '../../tiers/tiers.service';
import { PortalQueries } from '../portal.queries';
import { rankSeats } from '../../value/rules/rank-selection';
import { gapsFor, keepGoal, nextThresholdTier, rankStep } from '../rules/tier-progress';
import { tierWithBenefits } from './get-profile.use-case';

/**
 * GET me/tier: the tier with its benefits; the qualifying figures of the
 * rolling window (purchases minus refunds, the same monthly figures the tier
 * engine reads); what the next tier needs; the review date and what keeps
 * the tier at it (or the manual grant that holds it).
 */
@Injectable()
export class GetTierProgressUseCase {
  constructor(
    private readonly members: MembersService,
    private readonly tiers: TiersService,
    private readonly program: ProgramSettingsService,
    private readonly repo: PortalQueries,
  ) {}

  async get(memberId: string, now = new Date()) {
    const member = await this.members.findById(memberId);
    if (!member) {
      throw new DomainError(ErrorCode.MEMBER_NOT_FOUND, 'Your membership was not found.');
    }
    const [ladder, program, grant] = await Promise.all([this.tiers.list(), this.program.get(), this.repo.openGrant(memberId, now)]);
    const windowStart = qualifyingWindowStart(now, program.qualifyingWindowMonths);
    const stats = await this.repo.qualifyingStats(memberId, windowStart);
    const current = ladder.find((t) => t.code === member.tierCode) ?? ladder[0];
    const next = nextThresholdTier(ladder, current.code);
    const keep = keepGoal(ladder, current.code, stats);
    const step = rankStep(ladder, current.code);
    const standing = step ? await this.repo.rankStanding(memberId, step.tier.code) : null;
    return {
      tier: { ...tierWithBenefits(current), since: member.tierSince.toISOString() },
      window: { months: program.qualifyingWindowMonths, from: windowStart, to: now.toISOString() },
      qualifying: { spendCents: stats.spendCents, points: stats.points, purchases: stats.purchases },
      next: next ? { ...tierWithBenefits(next), ...gapsFor(next, stats) } : null,
      review: {
        reviewAt: member.tierReviewAt ? member.tierReviewAt.toISOString() : null,
        keep,
        grant: grant ? { tierCode: grant.tierCode, endsAt: grant.endsAt.toISOString() } : null,
      },
      rank:
        step && standing
          ? {
              ...tierWithBenefits(step.tier),
              held: step.held,
              seats: rankSeats(step.tier, standing.population),
              minimum: gapsFor(step.tier, stats),
              score: standing.score,
              place: standing.place,
              lastReview: standing.lastReview
                ? {
                    at: standing.lastReview.at.toISOString(),
                    picked: standing.lastReview.picked,
                    cutoffScore: standing.lastReview.cutoffScore,
                    memberPicked: standing.lastReview.memberPicked,
                  }
                : null,
            }
          : null,
      ladder: ladder.map((t) => ({
        ...tierWithBenefits(t),
        kind: t.kind,
        ...thresholdsOf(criteriaOf(t)),
        qualifyMode: t.qualifyMode,
      })),
    };
  }
}
