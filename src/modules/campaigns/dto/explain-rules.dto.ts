import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { CAMPAIGN_ACTION_KINDS, CampaignActionInput } from '../actions/campaign-actions.registry';
import { AudienceDefinitionDto, CAMPAIGN_ACTION, UnknownCampaignActionDto } from './campaign.dto';

export class ExplainCampaignRulesDto {
  @ApiPropertyOptional({
    type: 'array',
    items: CAMPAIGN_ACTION,
    maxItems: CAMPAIGN_ACTION_KINDS.length,
    example: [{ type: 'grant', points: 200, reason: 'Birthday gift' }],
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

  @ApiPropertyOptional({
    type: () => AudienceDefinitionDto,
    example: { include: [{ type: 'tier', codes: ['VIP'] }], exclude: [{ type: 'noPurchaseDays', days: 180 }] },
  })
  @IsOptional()
  @IsObject()
  audience?: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'With an audience: whether this member is in it, part by part, and what of the member each part looks at (as of now).',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({
    type: 'boolean',
    description:
      'With an audience (and no memberId): also count the members in it now (size), with the consent of the message channel of the actions; nothing is saved. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  estimate?: boolean;

  @ApiPropertyOptional({ description: 'IANA timezone of the birthday parts (default Asia/Shanghai)', example: 'Asia/Shanghai' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z_+\-/0-9]{1,64}$/)
  timezone?: string;
}

export class RuleDescriptionResponse {
  @ApiProperty({ name: 'zh-CN', example: '赠送 200 积分（Birthday gift）' })
  'zh-CN': string;
  @ApiProperty({ example: 'grant 200 points (Birthday gift)' })
  en: string;
}

export class ExplainedActionResponse {
  @ApiProperty({ enum: CAMPAIGN_ACTION_KINDS.map((k) => k.type), example: 'grant' })
  type: string;
  @ApiProperty({ type: () => RuleDescriptionResponse })
  description: RuleDescriptionResponse;
}

export class ExplainedAudiencePartResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The part, normalised',
    example: { type: 'tier', codes: ['VIP'] },
  })
  part: unknown;
  @ApiProperty({ type: () => RuleDescriptionResponse })
  description: RuleDescriptionResponse;
  @ApiPropertyOptional({ description: 'With memberId: whether the member is in this part' })
  matches?: boolean;
  @ApiPropertyOptional({ type: () => RuleDescriptionResponse, description: 'With memberId: what of the member the part looks at' })
  member?: RuleDescriptionResponse;
}

export class ExplainedAudienceResponse {
  @ApiProperty({ type: () => RuleDescriptionResponse })
  description: RuleDescriptionResponse;
  @ApiProperty({ type: () => [ExplainedAudiencePartResponse] })
  include: ExplainedAudiencePartResponse[];
  @ApiProperty({ type: () => [ExplainedAudiencePartResponse] })
  exclude: ExplainedAudiencePartResponse[];
  @ApiPropertyOptional({ description: "With memberId: whether the member is in the whole audience (with the message channel's consent)" })
  inAudience?: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    example: 1200,
    description: 'With estimate: the members in the audience now (before any holdout, which a saved campaign draws by its id)',
  })
  size?: number;
}

export class CampaignRulesExplanationResponse {
  @ApiProperty({ type: () => [ExplainedActionResponse] })
  actions: ExplainedActionResponse[];
  @ApiProperty({ type: () => ExplainedAudienceResponse, nullable: true })
  audience: ExplainedAudienceResponse | null;
}
