import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The kinds of action each campaign holds, one row per (campaign, type),
 * written with its `actions` JSON by CampaignsRepository: the purchase path
 * finds the campaigns with a bonus rule by key, not by searching the JSON.
 */
@Entity('campaign_action_types')
@Index('ix_campaign_action_types_type', ['type', 'campaignId'])
export class CampaignActionType {
  @PrimaryColumn({ name: 'campaign_id', type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  campaignId: string;

  @PrimaryColumn({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  type: string;
}
