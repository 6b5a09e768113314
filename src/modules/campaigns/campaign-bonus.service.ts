import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConfigChanges } from '../../queue/config-changes';
import { PurchaseCampaignBonuses } from '../points/campaign-bonuses.port';
import { ActiveCampaignBonus } from '../points/rules/campaign-bonus';
import { consentChannelOf, parseActions, parseStoredAudience, purchaseBonusesOf } from './campaign-definition';
import { CampaignsRepository } from './campaigns.repository';
import { CAMPAIGN_ACTION_KINDS } from './actions/campaign-actions.registry';
import { Campaign } from './entities/campaign.entity';
import { compileAudience } from './rules/audience';
import { isHoldout } from './rules/holdout';
import { bonusRuleLive } from './rules/states';

const CACHE_MS = 3000;

/** The kinds of action the purchase path pays (a bonus rule). */
const PURCHASE_BONUS_ACTION_TYPES = CAMPAIGN_ACTION_KINDS.filter((k) => 'purchaseBonus' in k).map((k) => k.type);

interface LiveRule {
  campaign: Campaign;
  bonus: ActiveCampaignBonus;
}

/**
 * Campaign bonus rules on the purchase path. The live rules are cached in the
 * process for a few seconds, and every process drops its copy when a marketer
 * changes a rule's state (ConfigChanges). The cache only saves work: the
 * budget reservation checks the campaign's state in the same statement, so a
 * paused or cancelled rule pays nothing from the moment the pause commits,
 * whatever a process has cached. The audience membership of a batch's members
 * is one query, never one per purchase.
 */
@Injectable()
export class CampaignBonusService implements PurchaseCampaignBonuses {
  private cache: { rules: LiveRule[]; at: number } | null = null;

  constructor(
    private readonly repo: CampaignsRepository,
    private readonly changes: ConfigChanges,
  ) {
    changes.on('bonus-rules', () => this.invalidate());
  }

  invalidate(): void {
    this.cache = null;
  }

  /** A rule's state changed: every process reads the rules again. */
  async rulesChanged(): Promise<void> {
    await this.changes.publish('bonus-rules');
  }

  async forMembers(
    m: EntityManager,
    memberIds: string[],
    now: Date,
    earliestOccurredAt: Date,
  ): Promise<Map<string, ActiveCampaignBonus[]>> {
    const out = new Map<string, ActiveCampaignBonus[]>();
    // The window is judged on each purchase's occurredAt (inWindow, per purchase): a rule that ended after the
    // batch's oldest sale still pays that sale, however late it arrives.
    const rules = (await this.liveRules()).filter((r) => r.bonus.endsAt > earliestOccurredAt);
    if (rules.length === 0) {
      return out;
    }
    const membership = await this.repo.audienceMembership(
      m,
      rules.map((r) => ({
        campaignId: r.campaign.id,
        audience: compileAudience(parseStoredAudience(r.campaign.audience), {
          now,
          timezone: r.campaign.timezone,
          consentChannel: consentChannelOf(parseActions(r.campaign.actions)),
        }),
      })),
      memberIds,
    );
    for (const [memberId, campaignIds] of membership) {
      const applying = rules.filter(
        (r) => campaignIds.has(r.campaign.id) && !isHoldout(r.campaign.id, memberId, r.campaign.holdoutPermille),
      );
      if (applying.length > 0) {
        out.set(
          memberId,
          applying.map((r) => r.bonus),
        );
      }
    }
    return out;
  }

  reserve(m: EntityManager, campaignId: string, points: number): Promise<boolean> {
    return this.repo.reserveBonus(m, campaignId, points);
  }

  giveBack(m: EntityManager, campaignId: string, points: number): Promise<void> {
    return this.repo.giveBackBonus(m, campaignId, points);
  }

  private async liveRules(): Promise<LiveRule[]> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) {
      return this.cache.rules;
    }
    const rules: LiveRule[] = [];
    for (const campaign of await this.repo.withActionTypesLive(PURCHASE_BONUS_ACTION_TYPES)) {
      if (!bonusRuleLive(campaign.state)) {
        continue;
      }
      for (const bonus of purchaseBonusesOf(campaign)) {
        rules.push({ campaign, bonus });
      }
    }
    this.cache = { rules, at: Date.now() };
    return rules;
  }
}
