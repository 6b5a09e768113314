import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MinLength } from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { IsSafeText } from '../../../common/validation/safe-text';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { lotExpiresAt } from '../../points/rules/lots';
import { CampaignsRepository } from '../campaigns.repository';
import { bilingual } from '../rule-description';
import { estimatedCost, grantsThatFit } from '../rules/budget';
import { ActionDelivery, CampaignActionKind, DeliveryBatch } from './campaign-action.kind';

/** Points given to each member reached (also the stored body, and the legacy `grant` field of a campaign). */
export class GrantDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 200 })
  @IsIntegerBetween(1, 1_000_000)
  points: number;

  @ApiProperty({ maxLength: 200, example: 'Baby club welcome gift' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(200)
  @IsSafeText()
  reason: string;
}

export class GrantActionDto extends GrantDto {
  @ApiProperty({ enum: ['grant'], example: 'grant' })
  @IsIn(['grant'])
  type: 'grant';
}

/**
 * Each batch locks the budget row and grants only what fits in the cap and in
 * what one occurrence may grant (the approved cost, or the program's limit for
 * a campaign launched without approval): the members past it are over budget,
 * and the actions after this one do not reach them.
 */
@Injectable()
export class GrantPointsDelivery implements ActionDelivery<GrantDto> {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly program: ProgramSettingsService,
  ) {}

  async apply(batch: DeliveryBatch, grant: GrantDto): Promise<void> {
    if (batch.reached.length === 0) {
      return;
    }
    const { m, campaign: c, occurrence, now } = batch;
    const program = await this.program.get();
    const budget = await this.repo.lockBudget(m, c.id, occurrence);
    const fit = Math.min(
      grantsThatFit(budget.capPoints, budget.spentPoints, grant.points, batch.reached.length),
      grantsThatFit(c.occurrenceGrantLimit, budget.occurrenceGrantedPoints, grant.points, batch.reached.length),
    );
    batch.stopAfter(fit);
    await this.repo.spend(m, c.id, fit * grant.points, occurrence);
    for (const id of batch.reached) {
      batch.ledger.credit(id, {
        type: 'bonus',
        points: grant.points,
        storeId: null,
        refType: 'campaign',
        refId: `${c.id}:${occurrence}`,
        note: grant.reason,
        earned: true,
        lot: { earnedAt: now, expiresAt: lotExpiresAt(now, program.pointsExpiryMonths), pendingUntil: null },
      });
    }
    batch.pointsEach += grant.points;
  }
}

export const grantPointsAction: CampaignActionKind<GrantActionDto, GrantDto> = {
  type: 'grant',
  input: GrantActionDto,
  stored: GrantDto,
  validate: (input) => ({ points: input.points, reason: input.reason }),
  describe: (grant) => bilingual(`赠送 ${grant.points} 积分（${grant.reason}）`, `grant ${grant.points} points (${grant.reason})`),
  budgetUnit: 'points',
  delivery: GrantPointsDelivery,
  pointsPerMember: (grant) => grant.points,
  estimatedPoints: (grant, targeted, budget) => estimatedCost(targeted, grant.points, budget.capPoints, budget.spentPoints),
};
