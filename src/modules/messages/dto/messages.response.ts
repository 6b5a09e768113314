/** Response shapes of the message, template and webhook routes, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from '../entities/outbox-message.entity';
import { WEBHOOK_EVENTS } from '../entities/webhook-subscription.entity';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class OutboxMessageResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  messageId: string;
  @ApiProperty({ example: 'expiry-notice:2026-05' })
  source: string;
  @ApiProperty({
    ...UUID,
    nullable: true,
    example: '01a212aa-8bb9-742a-810d-39e0f747ae18',
    description: 'null for a sign-in code to a phone no member holds yet (registration).',
  })
  memberId: string | null;
  @ApiProperty({ enum: MESSAGE_CHANNELS, example: 'sms' })
  channel: string;
  @ApiProperty({ example: 'notice.points-expiring' })
  templateCode: string;
  @ApiProperty({ type: 'integer', example: 3 })
  templateVersion: number;
  @ApiProperty({ example: 'zh-CN' })
  locale: string;
  @ApiProperty({ example: false })
  transactional: boolean;
  @ApiProperty({ type: 'string', nullable: true, example: null })
  subject: string | null;
  @ApiProperty({
    description: 'The rendered text. Roles other than admin see it masked: the member name, digit runs and sign-in codes hidden.',
    example: '张*，您有 1200 积分将于 2026-06-01 到期。',
  })
  body: string;
  @ApiProperty({ enum: MESSAGE_STATUSES, example: 'sent' })
  status: string;
  @ApiProperty({ type: 'integer', example: 1 })
  attempts: number;
  @ApiProperty({ ...DATE_TIME, example: '2026-05-01T02:00:03.120Z' })
  nextAttemptAt: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'gw-88421' })
  providerMessageId: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: null })
  lastError: string | null;
  @ApiProperty({ ...DATE_TIME, example: '2026-05-01T02:00:01.004Z' })
  createdAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true, example: '2026-05-01T02:00:03.120Z' })
  sentAt: string | null;
}

export class OutboxPageResponse {
  @ApiProperty({ type: () => [OutboxMessageResponse] })
  messages: OutboxMessageResponse[];
  @ApiProperty({ ...UUID, nullable: true, description: 'Pass as before for the next (older) page; null on the last page.', example: null })
  nextBefore: string | null;
}

export class TemplateVariantResponse {
  @ApiProperty({ type: 'string', nullable: true, example: '积分到期提醒' })
  subject: string | null;
  @ApiProperty({ example: '{{name}}，您有 {{points}} 积分将于 {{expiryDate}} 到期。' })
  body: string;
}

export class TemplateVariantsResponse {
  @ApiProperty({ type: () => TemplateVariantResponse })
  'zh-CN': TemplateVariantResponse;
  @ApiProperty({ type: () => TemplateVariantResponse, nullable: true })
  en: TemplateVariantResponse | null;
}

export class TemplateResponse {
  @ApiProperty({ example: 'notice.points-expiring' })
  code: string;
  @ApiProperty({ type: 'integer', description: 'A new version on each save; outbox rows name the version they used.', example: 2 })
  version: number;
  @ApiProperty({ enum: MESSAGE_CHANNELS, example: 'sms' })
  channel: string;
  @ApiProperty({ example: false })
  transactional: boolean;
  @ApiProperty({ type: () => TemplateVariantsResponse })
  variants: TemplateVariantsResponse;
  @ApiProperty({ type: 'array', items: { type: 'string' }, example: ['name', 'points', 'expiryDate'] })
  variables: string[];
  @ApiProperty({ ...DATE_TIME, example: '2026-04-20T08:00:00.000Z' })
  createdAt: string;
}

export class TemplateListResponse {
  @ApiProperty({ type: () => [TemplateResponse], description: 'The latest version of each template.' })
  templates: TemplateResponse[];
}

export class TemplateVersionsResponse {
  @ApiProperty({ type: () => [TemplateResponse], description: 'Newest first.' })
  versions: TemplateResponse[];
}

export class RenderedVariantResponse {
  @ApiProperty({ type: 'string', nullable: true, example: '积分到期提醒' })
  subject: string | null;
  @ApiProperty({ example: '张三，您有 1200 积分将于 2026-06-01 到期。' })
  text: string;
}

export class TemplatePreviewResponse {
  @ApiProperty({ example: 'notice.points-expiring' })
  code: string;
  @ApiProperty({ type: 'integer', example: 2 })
  version: number;
  @ApiProperty({ ...UUID, nullable: true, description: 'The member rendered for; null: the sample member.', example: null })
  memberId: string | null;
  @ApiProperty({
    description: 'The values used.',
    example: { name: '张三', points: 1200, tier: 'Gold', expiryDate: '2026-06-01', club: '母婴俱乐部' },
  })
  variables: Record<string, unknown>;
  @ApiProperty({ type: () => RenderedVariantResponse })
  'zh-CN': RenderedVariantResponse;
  @ApiProperty({ type: () => RenderedVariantResponse, description: 'The en variant, or zh-CN when the template has none.' })
  en: RenderedVariantResponse;
}

export class WebhookResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae19' })
  webhookId: string;
  @ApiProperty({ example: 'https://crm.example.com/hooks/loyalty' })
  url: string;
  @ApiProperty({ type: 'array', items: { enum: [...WEBHOOK_EVENTS] }, example: ['purchase.posted', 'tier.changed'] })
  events: string[];
  @ApiProperty({ example: true })
  active: boolean;
  @ApiProperty({ ...DATE_TIME, example: '2026-04-20T08:00:00.000Z' })
  createdAt: string;
}

export class WebhookCreatedResponse extends WebhookResponse {
  @ApiProperty({
    description:
      'The signing secret, shown in this answer only: X-Signature is sha256=HMAC-SHA256(secret, X-Timestamp + "." + body) in hex.',
    example: 'whsec_Zk3n9Qm1L0sXc7VbT2pR8yWq5uE4oI6a',
  })
  secret: string;
}

export class WebhookListResponse {
  @ApiProperty({ type: () => [WebhookResponse] })
  webhooks: WebhookResponse[];
}

export class WebhookAttemptResponse {
  @ApiProperty({ ...DATE_TIME, example: '2026-04-20T08:00:01.000Z' })
  at: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 503 })
  statusCode: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'answered 503' })
  error: string | null;
  @ApiProperty({ type: 'integer', example: 42 })
  durationMs: number;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae20' })
  deliveryId: string;
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae19' })
  webhookId: string;
  @ApiProperty({ example: 'purchase.posted:01a212aa-8bb9-742a-810d-39e0f747ae21' })
  eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, example: 'purchase.posted' })
  eventType: string;
  @ApiProperty({ enum: ['pending', 'delivering', 'delivered', 'failed'], example: 'failed' })
  status: string;
  @ApiProperty({ type: 'integer', description: 'POSTs since it was published or last replayed.', example: 8 })
  attempts: number;
  @ApiProperty({ ...DATE_TIME, example: '2026-04-20T09:00:00.000Z' })
  nextAttemptAt: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 503 })
  lastStatusCode: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'answered 503' })
  lastError: string | null;
  @ApiProperty({ ...DATE_TIME, example: '2026-04-20T08:00:00.000Z' })
  createdAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true, example: null })
  deliveredAt: string | null;
}

export class WebhookDeliveryDetailResponse extends WebhookDeliveryResponse {
  @ApiProperty({ type: () => [WebhookAttemptResponse], description: 'Every POST, replays included, oldest first.' })
  history: WebhookAttemptResponse[];
}

export class WebhookDeliveryListResponse {
  @ApiProperty({ type: () => [WebhookDeliveryResponse] })
  deliveries: WebhookDeliveryResponse[];
  @ApiProperty({ ...UUID, nullable: true, example: null })
  nextBefore: string | null;
}
