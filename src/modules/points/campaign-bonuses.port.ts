import { EntityManager } from 'typeorm';
import { ActiveCampaignBonus } from './rules/campaign-bonus';

/**
 * What the purchase path asks of campaigns (provided by the campaigns module,
 * absent where it is not loaded). Both calls run inside the purchase batch's
 * transaction.
 */
export const PURCHASE_CAMPAIGN_BONUSES = Symbol('PURCHASE_CAMPAIGN_BONUSES');

export interface PurchaseCampaignBonuses {
  /**
   * The live bonus rules each member is in the audience of whose window ends after `earliestOccurredAt` (the
   * batch's oldest sale; the caller checks each purchase's occurredAt against the window): one query for the
   * whole batch, none when no rule is live.
   */
  forMembers(m: EntityManager, memberIds: string[], now: Date, earliestOccurredAt: Date): Promise<Map<string, ActiveCampaignBonus[]>>;
  /**
   * Takes points from the campaign's budget (a conditional UPDATE that also checks the rule is still live);
   * false when they do not fit or the rule was paused or cancelled, and the bonus is not given.
   */
  reserve(m: EntityManager, campaignId: string, points: number): Promise<boolean>;
  /** A refund clawed back points a rule gave: they return to the campaign's budget (a conditional UPDATE). */
  giveBack(m: EntityManager, campaignId: string, points: number): Promise<void>;
}
