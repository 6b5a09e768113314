import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../../queue/queue.module';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { PURCHASE_CAMPAIGN_BONUSES } from '../points/campaign-bonuses.port';
import { PointsModule } from '../points/points.module';
import { ProgramModule } from '../program/program.module';
import { RewardsModule } from '../rewards/rewards.module';
import { CAMPAIGN_ACTION_DELIVERIES } from './actions/campaign-actions.registry';
import { MemberFactsQueries } from './audience/member-facts.queries';
import { CampaignBonusService } from './campaign-bonus.service';
import { ExplainCampaignRules } from './explain-campaign-rules';
import { CategoriesModule } from '../categories/categories.module';
import { CampaignFanoutService } from './campaign-fanout.service';
import { CampaignRecovery } from './campaign-recovery';
import { CAMPAIGN_MESSAGE_SENDER } from './campaign-message-sender';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { Clock } from './clock';
import { OutboxCampaignSender } from './outbox-campaign-sender';
import { MessagesModule } from '../messages/messages.module';

/**
 * The campaign bonus rules the purchase path reads. Global, so the points
 * module finds them without importing campaigns (which import points).
 */
@Global()
@Module({
  providers: [CampaignsRepository, CampaignBonusService, { provide: PURCHASE_CAMPAIGN_BONUSES, useExisting: CampaignBonusService }],
  exports: [CampaignsRepository, CampaignBonusService, PURCHASE_CAMPAIGN_BONUSES],
})
export class CampaignRulesModule {}

/** Campaigns: definitions and state changes (admin), the fan-out (workers). */
@Module({
  imports: [
    CampaignRulesModule,
    PointsModule,
    ProgramModule,
    JobsModule,
    AuditModule,
    QueueModule,
    MessagesModule,
    RewardsModule,
    CategoriesModule,
  ],
  providers: [
    Clock,
    CampaignsService,
    CampaignFanoutService,
    CampaignRecovery,
    ...CAMPAIGN_ACTION_DELIVERIES,
    MemberFactsQueries,
    ExplainCampaignRules,
    { provide: CAMPAIGN_MESSAGE_SENDER, useClass: OutboxCampaignSender },
  ],
  exports: [CampaignsService, CampaignFanoutService, ExplainCampaignRules, CampaignRulesModule, Clock],
})
export class CampaignsModule {}
