import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { IsCategoryCode } from '../../../common/validation/category-code';
import type { CategoryNameLookup } from '../../categories/category-names';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { CampaignBonusRule } from '../../points/rules/campaign-bonus';
import { invalidCampaign } from '../campaigns.errors';
import { bilingual, RuleDescription } from '../rule-description';
import { CampaignActionKind } from './campaign-action.kind';

const RULE_KINDS = ['base_multiplier', 'category_multiplier', 'fixed_bonus'] as const;

/** An earning rule on purchases in a window, for the audience (the legacy `bonusRule` field of a campaign). */
export class BonusRuleDto {
  @ApiProperty({ enum: RULE_KINDS, example: 'category_multiplier' })
  @IsIn(RULE_KINDS)
  kind: CampaignBonusRule['kind'];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1001,
    maximum: 10000,
    description: 'Multipliers: 2000 = 2× (the extra is ×(m−1)).',
    example: 2000,
  })
  @IsOptional()
  @IsIntegerBetween(1001, 10000)
  multiplierPermille?: number;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 64,
    description: 'category_multiplier: the category code, as the tills send it (any text, e.g. wine or 红酒; compared without case).',
    example: 'baby',
  })
  @IsOptional()
  @IsCategoryCode()
  category?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'fixed_bonus: the eligible spend needed, in cents.', example: 20000 })
  @IsOptional()
  @IsIntegerBetween(0, 100_000_000)
  minSpendCents?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'fixed_bonus: the points given.', example: 50 })
  @IsOptional()
  @IsIntegerBetween(1, 1_000_000)
  points?: number;

  @ApiProperty({
    format: 'date-time',
    description: "The window on the purchase's occurredAt: from (inclusive)",
    example: '2026-06-01T00:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'to (exclusive)', example: '2026-06-08T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;
}

export class BonusRuleActionDto extends BonusRuleDto {
  @ApiProperty({ enum: ['bonusRule'], example: 'bonusRule' })
  @IsIn(['bonusRule'])
  type: 'bonusRule';
}

/** The rule as stored: one of the three kinds with only its own fields. */
export class BonusRuleTerms {
  @ApiProperty({ enum: RULE_KINDS, example: 'category_multiplier' })
  kind: CampaignBonusRule['kind'];
  @ApiPropertyOptional({ type: 'integer', description: 'base_multiplier, category_multiplier', example: 2000 })
  multiplierPermille?: number;
  @ApiPropertyOptional({ description: 'category_multiplier', example: 'baby' })
  category?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'fixed_bonus', example: 20000 })
  minSpendCents?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'fixed_bonus', example: 50 })
  points?: number;
}

export class StoredBonusRule {
  @ApiProperty({ type: () => BonusRuleTerms })
  rule: CampaignBonusRule;
  @ApiProperty({ format: 'date-time', example: '2026-05-31T16:00:00.000Z' })
  startsAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-07T16:00:00.000Z' })
  endsAt: string;
}

function ruleOf(dto: Omit<BonusRuleDto, 'startsAt' | 'endsAt'>, field: string): CampaignBonusRule {
  if (dto.kind === 'fixed_bonus') {
    if (dto.points === undefined || dto.minSpendCents === undefined) {
      throw invalidCampaign(field, 'fixed_bonus needs points and minSpendCents');
    }
    return { kind: 'fixed_bonus', points: dto.points, minSpendCents: dto.minSpendCents };
  }
  if (dto.kind === 'category_multiplier') {
    if (dto.multiplierPermille === undefined || !dto.category) {
      throw invalidCampaign(field, 'category_multiplier needs category and multiplierPermille');
    }
    return { kind: 'category_multiplier', category: dto.category, multiplierPermille: dto.multiplierPermille };
  }
  if (dto.multiplierPermille === undefined) {
    throw invalidCampaign(`${field}.multiplierPermille`, 'is required for base_multiplier');
  }
  return { kind: 'base_multiplier', multiplierPermille: dto.multiplierPermille };
}

function describeRule(rule: CampaignBonusRule, names: CategoryNameLookup): RuleDescription {
  const times = (permille: number) => `${permille / 1000}×`;
  switch (rule.kind) {
    case 'base_multiplier':
      return bilingual(`基础积分 ${times(rule.multiplierPermille)}`, `${times(rule.multiplierPermille)} base points`);
    case 'category_multiplier': {
      const name = names(rule.category);
      return bilingual(
        `品类「${name.zhCN}」${times(rule.multiplierPermille)} 积分`,
        `${times(rule.multiplierPermille)} points on category ${name.en}`,
      );
    }
    case 'fixed_bonus':
      return bilingual(
        `单笔满 ${rule.minSpendCents / 100} 元奖励 ${rule.points} 积分`,
        `${rule.points} bonus points on a purchase of ${rule.minSpendCents / 100} or more`,
      );
  }
}

/**
 * Pays on purchases (the purchase path reads it through CampaignBonusService),
 * not in the fan-out; the campaign stays live (active, then ended) until its
 * window closes, and it still pays late uploads of sales made in the window.
 */
export const bonusRuleAction: CampaignActionKind<BonusRuleActionDto, StoredBonusRule> = {
  type: 'bonusRule',
  input: BonusRuleActionDto,
  stored: StoredBonusRule,
  validate(input, field) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt)) {
      throw invalidCampaign(`${field}.endsAt`, 'must be after startsAt');
    }
    return { rule: ruleOf(input, field), startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
  },
  describe(stored, categoryNames = (code) => ({ en: code, zhCN: code })) {
    const rule = describeRule(stored.rule, categoryNames);
    return bilingual(
      `${stored.startsAt} 至 ${stored.endsAt} 期间消费：${rule['zh-CN']}`,
      `purchases from ${stored.startsAt} to ${stored.endsAt}: ${rule.en}`,
    );
  },
  categories: (stored) => (stored.rule.kind === 'category_multiplier' ? [stored.rule.category] : []),
  pointsPerMember: (stored) => (stored.rule.kind === 'fixed_bonus' ? stored.rule.points : 0),
  liveUntil: (stored) => new Date(stored.endsAt),
  purchaseBonus: (stored, campaign) => ({
    campaignId: campaign.id,
    name: campaign.name,
    rule: stored.rule,
    startsAt: new Date(stored.startsAt),
    endsAt: new Date(stored.endsAt),
  }),
};
