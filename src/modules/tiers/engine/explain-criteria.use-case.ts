import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { memberNotFound } from '../../members/members.errors';
import { MembersService } from '../../members/members.service';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { ZERO_STATS } from '../../points/rules/qualifying-sums';
import { CriterionGapName, TierCriterion } from '../criteria/tier-criteria.registry';
import { criteriaGaps, describeCriteria, meetsCriteria, QualifyMode, thresholdsOf, validateCriteria } from '../criteria/tier-criteria';
import { CriterionGap, RuleText } from '../criteria/tier-criterion';
import { qualifyingWindowStart } from '../rules/tier-qualification';
import { TierEngineRepository } from './tier-engine.repository';

export interface ExplainedCriteria {
  criteria: TierCriterion[];
  qualifyMode: QualifyMode;
  text: RuleText;
  memberGaps?: { memberId: string; windowStart: string; met: boolean; criteria: Array<CriterionGap<CriterionGapName>> };
}

/**
 * POST tiers/criteria/explain: tier criteria (the registry's union) validated
 * and said back in words; with a member, how far that member's window sums
 * are from each (the member page's tier progress, for any criteria).
 */
@Injectable()
export class ExplainTierCriteriaUseCase {
  constructor(
    private readonly repo: TierEngineRepository,
    private readonly members: MembersService,
    private readonly program: ProgramSettingsService,
  ) {}

  async explainCriteria(
    input: { criteria: unknown; qualifyMode: QualifyMode; memberId?: string | null },
    now = new Date(),
  ): Promise<ExplainedCriteria> {
    const v = validateCriteria(input.criteria);
    if (!v.ok) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The tier criteria are not valid; details names each problem.', v.errors);
    }
    const explained = { criteria: v.criteria, qualifyMode: input.qualifyMode, text: describeCriteria(v.criteria, input.qualifyMode) };
    if (!input.memberId) {
      return explained;
    }
    if (!(await this.members.findById(input.memberId))) {
      throw memberNotFound('memberId', input.memberId);
    }
    const windowStart = qualifyingWindowStart(now, (await this.program.get()).qualifyingWindowMonths);
    const stats = (await this.repo.windowStatsOf(input.memberId, windowStart)) ?? ZERO_STATS;
    const tier = { ...thresholdsOf(v.criteria), qualifyMode: input.qualifyMode };
    return {
      ...explained,
      memberGaps: { memberId: input.memberId, windowStart, met: meetsCriteria(tier, stats), criteria: criteriaGaps(tier, stats) },
    };
  }
}
