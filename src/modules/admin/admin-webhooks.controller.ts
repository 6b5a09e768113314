import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { WebhookAttempt } from '../messages/entities/webhook-attempt.entity';
import { WebhookDelivery } from '../messages/entities/webhook-delivery.entity';
import { WebhookSubscription } from '../messages/entities/webhook-subscription.entity';
import { WebhooksService } from '../messages/webhooks/webhooks.service';
import { AdminErrors } from '../../common/api/error-responses';
import { CreateWebhookDto, DeliveriesQueryDto, UpdateWebhookDto } from '../messages/dto/messages.dto';
import {
  WebhookCreatedResponse,
  WebhookDeliveryDetailResponse,
  WebhookDeliveryListResponse,
  WebhookListResponse,
  WebhookResponse,
} from '../messages/dto/messages.response';
import { actorOf } from './admin-actor';

const subscriptionView = (s: WebhookSubscription) => ({
  webhookId: s.id,
  url: s.url,
  events: s.events.split(','),
  active: s.active,
  createdAt: s.createdAt.toISOString(),
});

const deliveryView = (d: WebhookDelivery) => ({
  deliveryId: d.id,
  webhookId: d.subscriptionId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
});

const detailView = ({ delivery, attempts }: { delivery: WebhookDelivery; attempts: WebhookAttempt[] }) => ({
  ...deliveryView(delivery),
  history: attempts.map((a) => ({ at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
});

@ApiTags('admin')
@RequirePermission('webhooks.manage')
@Controller('api/v1/admin/webhooks')
export class AdminWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary:
      'Subscribe a URL to events (purchase.posted, tier.changed, campaign.completed, member.erased). The signing secret is in this answer only.',
  })
  @ApiBody({
    type: CreateWebhookDto,
    examples: {
      crm: { summary: 'A CRM', value: { url: 'https://crm.example.com/hooks/loyalty', events: ['purchase.posted', 'tier.changed'] } },
    },
  })
  @ApiCreatedResponse({ type: WebhookCreatedResponse })
  @AdminErrors(ErrorCode.WEBHOOK_TARGET_REFUSED)
  async create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateWebhookDto) {
    const sub = await this.webhooks.create(actorOf(admin), dto.url, dto.events);
    return { ...subscriptionView(sub), secret: sub.secret };
  }

  @Get()
  @ApiOperation({ summary: 'List subscriptions (without their secrets)' })
  @ApiOkResponse({ type: WebhookListResponse })
  @AdminErrors()
  async list() {
    return { webhooks: (await this.webhooks.list()).map(subscriptionView) };
  }

  @Patch(':webhookId')
  @ApiOperation({ summary: 'Change the URL or events, or pause (active: false) and resume a subscription' })
  @ApiBody({ type: UpdateWebhookDto, examples: { pause: { summary: 'Pause', value: { active: false } } } })
  @ApiOkResponse({ type: WebhookResponse })
  @AdminErrors(ErrorCode.WEBHOOK_NOT_FOUND, ErrorCode.WEBHOOK_TARGET_REFUSED)
  async update(@CurrentAdmin() admin: AdminPrincipal, @Param('webhookId', new ParseUUIDPipe()) id: string, @Body() dto: UpdateWebhookDto) {
    const sub = await this.webhooks.update(actorOf(admin), id, dto);
    return subscriptionView(sub);
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'Deliveries, newest first, by subscription and status' })
  @ApiOkResponse({ type: WebhookDeliveryListResponse })
  @AdminErrors()
  async deliveries(@Query() q: DeliveriesQueryDto) {
    const limit = q.limit ?? 50;
    const rows = await this.webhooks.deliveries({ subscriptionId: q.subscriptionId, status: q.status, before: q.before, limit });
    return { deliveries: rows.map(deliveryView), nextBefore: rows.length === limit ? rows[rows.length - 1].id : null };
  }

  @Get('deliveries/:deliveryId')
  @ApiOperation({ summary: 'A delivery with every attempt' })
  @ApiOkResponse({ type: WebhookDeliveryDetailResponse })
  @AdminErrors(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND)
  async delivery(@Param('deliveryId', new ParseUUIDPipe()) id: string) {
    return detailView(await this.webhooks.delivery(id));
  }

  @Post('deliveries/:deliveryId/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a delivery again (due at once, with a fresh retry budget; its history is kept)' })
  @ApiOkResponse({ type: WebhookDeliveryDetailResponse })
  @AdminErrors(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND)
  async replay(@CurrentAdmin() admin: AdminPrincipal, @Param('deliveryId', new ParseUUIDPipe()) id: string) {
    return detailView(await this.webhooks.replay(actorOf(admin), id));
  }
}
