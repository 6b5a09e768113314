/** Requests of the message, template and webhook routes. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';
import { DeliveryStatus } from '../entities/webhook-delivery.entity';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES, MessageChannel, MessageStatus } from '../entities/outbox-message.entity';
import { WEBHOOK_EVENTS, WebhookEvent } from '../entities/webhook-subscription.entity';

export const TEMPLATE_CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional({ enum: MESSAGE_CHANNELS })
  @IsOptional()
  @IsIn(MESSAGE_CHANNELS)
  channel?: MessageChannel;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'Message id: return older messages (from nextBefore).' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

export class TemplateVariantDto {
  @ApiPropertyOptional({ type: 'string', maxLength: 200, nullable: true, example: '您的积分即将到期' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(200)
  @IsSafeText()
  subject?: string | null;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: 4000, example: '{{name}}，您有 {{points}} 积分将于 {{expiryDate}} 到期。' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(4000)
  // Line breaks are allowed in a message body; other control characters are not.
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]*$/, {
    message: 'body must not contain control characters other than line breaks',
  })
  body: string;
}

export class TemplateVariantsDto {
  @ApiProperty({ type: () => TemplateVariantDto })
  @ValidateNested()
  @Type(() => TemplateVariantDto)
  'zh-CN': TemplateVariantDto;

  @ApiPropertyOptional({ type: () => TemplateVariantDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateVariantDto)
  en?: TemplateVariantDto | null;
}

export class SaveTemplateDto {
  @ApiProperty({ type: 'string', pattern: TEMPLATE_CODE.source, example: 'notice.points-expiring' })
  @IsString()
  @Matches(TEMPLATE_CODE, { message: 'code must be 1–64 lower-case letters, digits, dots, dashes or underscores' })
  code: string;

  @ApiProperty({ enum: MESSAGE_CHANNELS, example: 'sms' })
  @IsIn(MESSAGE_CHANNELS)
  channel: MessageChannel;

  @ApiPropertyOptional({
    type: 'boolean',
    default: false,
    description: 'Sign-in codes and the like: may use {{code}} and are sent without marketing consent.',
  })
  @IsOptional()
  @IsBoolean()
  transactional?: boolean;

  @ApiProperty({ type: () => TemplateVariantsDto })
  @ValidateNested()
  @Type(() => TemplateVariantsDto)
  variants: TemplateVariantsDto;
}

export class TemplateCodeParam {
  @ApiProperty({ description: 'The template code', example: 'campaign.offer', pattern: TEMPLATE_CODE.source })
  @Matches(TEMPLATE_CODE, { message: 'code must be 1–64 lower-case letters, digits, dots, dashes or underscores' })
  code: string;
}

export class PreviewTemplateDto {
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'Render for this member; without it, for a sample member.' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'A version to preview; default the latest.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CreateWebhookDto {
  @ApiProperty({ type: 'string', format: 'uri', maxLength: 500, example: 'https://crm.example.com/hooks/loyalty' })
  @IsString()
  @MaxCodePoints(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url: string;

  @ApiProperty({ type: 'array', items: { enum: [...WEBHOOK_EVENTS] }, example: ['purchase.posted', 'tier.changed'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ type: 'string', format: 'uri', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxCodePoints(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url?: string;

  @ApiPropertyOptional({ type: 'array', items: { enum: [...WEBHOOK_EVENTS] } })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEvent[];

  @ApiPropertyOptional({ type: 'boolean', example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subscriptionId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'delivering', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivering', 'delivered', 'failed'])
  status?: DeliveryStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  before?: string;
}
