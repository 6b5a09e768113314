import { ActiveCampaignBonus } from '../points/rules/campaign-bonus';
import { actionKind, AnyActionKind, CAMPAIGN_ACTION_KINDS, CampaignActionInput, StoredActions } from './actions/campaign-actions.registry';
import { invalidCampaign } from './campaigns.errors';
import { Campaign } from './entities/campaign.entity';
import { RuleDescription } from './rule-description';
import { AudienceDefinition, MessageChannel } from './rules/audience';
import type { CategoryNameLookup } from '../categories/category-names';

export type { StoredActions as CampaignActions } from './actions/campaign-actions.registry';

/** The stored actions: an object keyed by kind (`{"grant":{…},"message":{…}}`), as every campaign row has always held them. */
export function parseActions(json: string): StoredActions {
  return JSON.parse(json) as StoredActions;
}

/**
 * Actions from the admin API (their shape already checked by class-validator) checked by their kinds, over `base`:
 * at most one of each type; stored in the registry's order, whatever order they came in.
 */
export function checkActions(given: Array<{ input: CampaignActionInput; field: string }>, base: StoredActions = {}): StoredActions {
  const out: Record<string, unknown> = { ...base };
  const seen = new Set<string>();
  for (const { input, field } of given) {
    if (seen.has(input.type)) {
      throw invalidCampaign(`${field}.type`, `${input.type} is given twice: a campaign has at most one action of each type`);
    }
    seen.add(input.type);
    const kind = actionKind(input.type);
    if (!kind) {
      throw invalidCampaign(`${field}.type`, `must be one of ${CAMPAIGN_ACTION_KINDS.map((k) => k.type).join(', ')}`);
    }
    const { type: _type, ...body } = input;
    out[input.type] = kind.validate(body, field);
  }
  const present = CAMPAIGN_ACTION_KINDS.filter((k) => out[k.type] !== undefined);
  const units = [...new Set(present.map((k) => k.budgetUnit).filter((u) => u !== undefined))];
  if (units.length > 1) {
    throw invalidCampaign(
      'actions',
      `${present
        .filter((k) => k.budgetUnit)
        .map((k) => k.type)
        .join(' and ')} spend different budgets (${units.join(', ')}): a campaign's budget counts one of them, so make two campaigns`,
    );
  }
  return Object.fromEntries(present.map((k) => [k.type, out[k.type]]));
}

/** What the campaign's one budget counts: coupons when it grants coupons, else points. */
export function budgetUnitOf(actions: StoredActions): 'points' | 'coupons' {
  return presentActions(actions).find(({ kind }) => kind.budgetUnit)?.kind.budgetUnit ?? 'points';
}

/** The kinds present in a campaign with their stored bodies, in the registry's order (the fan-out's). */
export function presentActions(actions: StoredActions): Array<{ kind: AnyActionKind; stored: unknown }> {
  const stored = actions as Record<string, unknown>;
  return CAMPAIGN_ACTION_KINDS.filter((k) => stored[k.type] !== undefined && stored[k.type] !== null).map((k) => ({
    kind: k,
    stored: stored[k.type],
  }));
}

/** Whether the campaign outlives its fan-out (a bonus rule's window) and it is still open at `now` (undefined: it does not). */
export function bonusWindowAt(actions: StoredActions, now: Date): 'open' | 'over' | undefined {
  const until = presentActions(actions).flatMap(({ kind, stored }) => (kind.liveUntil ? [kind.liveUntil(stored).getTime()] : []));
  if (until.length === 0) {
    return undefined;
  }
  return Math.max(...until) > now.getTime() ? 'open' : 'over';
}

/** The channel whose consent limits the audience (a message's), or null. */
export function consentChannelOf(actions: StoredActions): MessageChannel | null {
  for (const { kind, stored } of presentActions(actions)) {
    const channel = kind.consentChannel?.(stored);
    if (channel) {
      return channel;
    }
  }
  return null;
}

/** The most points one member may get from the campaign (maker-checker). */
export function pointsPerMemberOf(actions: StoredActions): number {
  return Math.max(0, ...presentActions(actions).map(({ kind, stored }) => kind.pointsPerMember?.(stored) ?? 0));
}

/** What reaching `targeted` members costs, within the budget left. */
export function estimatedPointsOf(
  actions: StoredActions,
  targeted: number,
  budget: { capPoints: number | null; spentPoints: number },
): number {
  return presentActions(actions).reduce((sum, { kind, stored }) => sum + (kind.estimatedPoints?.(stored, targeted, budget) ?? 0), 0);
}

/** The bonuses the purchase path pays for this campaign while it is live. */
export function purchaseBonusesOf(campaign: Pick<Campaign, 'id' | 'name' | 'actions'>): ActiveCampaignBonus[] {
  return presentActions(parseActions(campaign.actions)).flatMap(({ kind, stored }) =>
    kind.purchaseBonus ? [kind.purchaseBonus(stored, campaign)] : [],
  );
}

/** Each action in words. */
export function describeActions(
  actions: StoredActions,
  categoryNames?: CategoryNameLookup,
): Array<{ type: string; description: RuleDescription }> {
  return presentActions(actions).map(({ kind, stored }) => ({ type: kind.type, description: kind.describe(stored, categoryNames) }));
}

/** The category codes the actions name (a bonus rule's category). */
export function actionCategories(actions: StoredActions): string[] {
  return presentActions(actions).flatMap(({ kind, stored }) => kind.categories?.(stored) ?? []);
}

export function parseStoredAudience(json: string): AudienceDefinition {
  return JSON.parse(json) as AudienceDefinition;
}
