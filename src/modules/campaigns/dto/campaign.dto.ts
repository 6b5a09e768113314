import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { IsSafeText } from '../../../common/validation/safe-text';
import { BonusRuleDto } from '../actions/bonus-rule.action';
import { CAMPAIGN_ACTION_KINDS, CAMPAIGN_ACTION_TYPES, CampaignActionInput } from '../actions/campaign-actions.registry';
import { GrantDto } from '../actions/grant-points.action';
import { MessageDto } from '../actions/send-message.action';
import { AUDIENCE_PART_KINDS } from '../audience/audience-parts.registry';
import { CAMPAIGN_STATES, CampaignState } from '../rules/states';

export { BonusRuleDto } from '../actions/bonus-rule.action';
export { GrantDto } from '../actions/grant-points.action';
export { MessageDto } from '../actions/send-message.action';

export const AUDIENCE_EXAMPLE = {
  include: [
    { type: 'club', clubIds: ['01a212aa-8b99-749f-88e9-001ff70d99ce'] },
    { type: 'tier', codes: ['VIP', 'SVIP'] },
  ],
  requireAll: false,
  exclude: [{ type: 'noPurchaseDays', days: 180 }],
};

/** A `oneOf` over a registry's kinds with a discriminator on `type` (OpenAPI). */
export function discriminatedUnion(kinds: ReadonlyArray<{ type: string; schema: Parameters<typeof getSchemaPath>[0] }>) {
  return {
    oneOf: kinds.map((k) => ({ $ref: getSchemaPath(k.schema) })),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(kinds.map((k) => [k.type, getSchemaPath(k.schema)])) },
  };
}

const AUDIENCE_PART = discriminatedUnion(AUDIENCE_PART_KINDS);
export const CAMPAIGN_ACTION = discriminatedUnion(CAMPAIGN_ACTION_KINDS.map((k) => ({ type: k.type, schema: k.input })));

/** The audience as published in OpenAPI (checked by parseAudience and each part's kind, which name the bad field). */
@ApiExtraModels(...AUDIENCE_PART_KINDS.map((k) => k.schema))
export class AudienceDefinitionDto {
  @ApiProperty({
    type: 'array',
    items: AUDIENCE_PART,
    minItems: 1,
    maxItems: 20,
    description: 'Members in any of these parts (all of them with requireAll)',
  })
  include: unknown[];

  @ApiPropertyOptional({ type: 'boolean', example: false })
  requireAll?: boolean;

  @ApiPropertyOptional({ type: 'array', items: AUDIENCE_PART, maxItems: 20, description: 'Members in any of these parts are left out' })
  exclude?: unknown[];
}

/** An action whose type is none of the kinds: only its type is checked, and refused. */
export class UnknownCampaignActionDto {
  @ApiProperty({ enum: CAMPAIGN_ACTION_TYPES })
  @IsIn(CAMPAIGN_ACTION_TYPES)
  type: string;
}

export class ScheduleDto {
  @ApiProperty({ enum: ['now', 'at', 'cron'], example: 'cron' })
  @IsIn(['now', 'at', 'cron'])
  kind: 'now' | 'at' | 'cron';

  @ApiPropertyOptional({ format: 'date-time', description: 'kind at: when it starts', example: '2026-06-01T09:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'kind cron: 5 or 6 fields', example: '0 9 * * *' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9*,/?LW#A-Za-z -]{1,64}$/)
  cron?: string;

  @ApiPropertyOptional({ description: 'IANA timezone (default Asia/Shanghai)', example: 'Asia/Shanghai' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z_+\-/0-9]{1,64}$/)
  timezone?: string;
}

@ApiExtraModels(...CAMPAIGN_ACTION_KINDS.map((k) => k.input))
export class CreateCampaignDto {
  @ApiProperty({ maxLength: 100, example: 'Birthday gift' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  name: string;

  @ApiProperty({
    type: () => AudienceDefinitionDto,
    description:
      'include: parts (any of them, or all with requireAll), exclude: parts; each part is one of the types below (consent is for any action, e.g. a grant to a club ∩ email consent). Always limited to members not erased (nor being erased, nor merged away), and to the consent of the message channel.',
    example: AUDIENCE_EXAMPLE,
  })
  @IsObject()
  audience: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'array',
    items: CAMPAIGN_ACTION,
    maxItems: CAMPAIGN_ACTION_KINDS.length,
    description:
      'What the campaign does, at most one action of each type (the fan-out applies them in this order: grant, then message). Equivalent to the grant, bonusRule and message fields; on a change it replaces all the actions.',
    example: [
      { type: 'grant', points: 200, reason: 'Birthday gift' },
      { type: 'message', channel: 'sms', template: 'birthday-greeting' },
    ],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAMPAIGN_ACTION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => UnknownCampaignActionDto, {
    discriminator: { property: 'type', subTypes: CAMPAIGN_ACTION_KINDS.map((k) => ({ name: k.type, value: k.input })) },
    keepDiscriminatorProperty: true,
  })
  actions?: CampaignActionInput[];

  @ApiPropertyOptional({ type: () => GrantDto, description: 'The same as an action of type grant.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GrantDto)
  grant?: GrantDto;

  @ApiPropertyOptional({ type: () => BonusRuleDto, description: 'The same as an action of type bonusRule.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BonusRuleDto)
  bonusRule?: BonusRuleDto;

  @ApiPropertyOptional({ type: () => MessageDto, description: 'The same as an action of type message.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MessageDto)
  message?: MessageDto;

  @ApiProperty({ type: () => ScheduleDto })
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule: ScheduleDto;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'Budget cap in points (grants and bonus-rule points).',
    example: 100000,
  })
  @IsOptional()
  @IsIntegerBetween(1, 1_000_000_000_000)
  budgetPoints?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 500,
    description: 'Holdout share in thousandths (100 = 10%).',
    example: 100,
  })
  @IsOptional()
  @IsIntegerBetween(0, 500)
  holdoutPermille?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    description: 'Results count purchases in this many days after delivery.',
    example: 14,
  })
  @IsOptional()
  @IsIntegerBetween(1, 365)
  resultsDays?: number;
}

export class UpdateCampaignDto extends PartialType(CreateCampaignDto) {}

export class RaiseBudgetDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The new budget cap in points; it must be above the current cap.',
    example: 200000,
  })
  @IsIntegerBetween(1, 1_000_000_000_000)
  capPoints: number;
}

export class ListCampaignsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsIntegerBetween(1, 100)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the last campaign of the previous page.' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/)
  cursor?: string;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATES, description: 'Only campaigns in this state, e.g. pending_approval.' })
  @IsOptional()
  @IsIn(CAMPAIGN_STATES)
  state?: CampaignState;

  @ApiPropertyOptional({ maxLength: 100, description: 'Only campaigns whose name contains this text (any case).', example: 'birthday' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxCodePoints(100)
  @IsSafeText()
  name?: string;
}

export class RejectCampaignDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'Budget not agreed with finance; cap it at 200,000 points.' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(500)
  @IsSafeText()
  reason?: string;
}
