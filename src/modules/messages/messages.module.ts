import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { PointsModule } from '../points/points.module';
import { TiersModule } from '../tiers/tiers.module';
import { QueueModule } from '../../queue/queue.module';
import { ChannelRegistry } from './channels/channel-registry';
import { ExpiringPointsQueries } from './expiring-points.queries';
import { NoticesService } from './notices.service';
import { OutboxSecretsStore } from './outbox-secrets.store';
import { OutboxSenderService } from './outbox-sender.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { PostingEventsForwarder } from './posting-events.forwarder';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';
import { EventsService } from './webhooks/events.service';
import { WebhookSenderService } from './webhooks/webhook-sender.service';
import { WebhookTargets } from './webhooks/webhook-targets';
import { WebhooksRepository } from './webhooks/webhooks.repository';
import { WebhooksService } from './webhooks/webhooks.service';

/**
 * Messages to members (the outbox, templates, channel adapters, notices) and
 * events to other systems (webhooks). Others send through OutboxService and
 * publish through EventsService; the worker's MessagesProcessor does the sending.
 */
@Module({
  imports: [AuditModule, JobsModule, PointsModule, TiersModule, QueueModule],
  providers: [
    ChannelRegistry,
    OutboxRepository,
    OutboxSecretsStore,
    OutboxService,
    OutboxSenderService,
    TemplatesRepository,
    TemplatesService,
    ExpiringPointsQueries,
    NoticesService,
    WebhooksRepository,
    WebhooksService,
    EventsService,
    WebhookSenderService,
    WebhookTargets,
    PostingEventsForwarder,
  ],
  exports: [
    OutboxService,
    OutboxSenderService,
    TemplatesService,
    NoticesService,
    EventsService,
    WebhooksService,
    WebhookSenderService,
    OutboxRepository,
  ],
})
export class MessagesModule {}
