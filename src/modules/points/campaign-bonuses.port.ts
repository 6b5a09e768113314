import { EntityManager } from 'typeorm';
import { ActiveCampaignBonus } from './rules/campaign-bonus';

/**
 * What the purchase path asks of campaigns (provided by the campaigns module,
 * absent where it is not loaded). Both calls run inside the purchase batch's
 * transaction.
 */
export const PURCHASE_CAMPAIGN_BONUSES = Symbol('PURCHASE_CAMPAIGN_BONUSES');

export interface PurchaseCampaignBonuses {
  /** The live bonus rules each member is in the audience of: one query for the whole batch, none when no rule is live. */
  forMembers(m: EntityManager, memberIds: string[], now: Date): Promise<Map<string, ActiveCampaignBonus[]>>;
  /** Takes points from the campaign's budget (a conditional UPDATE); false when they do not fit, and the bonus is not given. */
  reserve(m: EntityManager, campaignId: string, points: number): Promise<boolean>;
}
