import { CampaignBonusRule } from '../points/rules/campaign-bonus';
import { AudienceDefinition, MessageChannel } from './rules/audience';

/** What a campaign does to each member of its audience (one or more of these). */
export interface CampaignActions {
  grant?: { points: number; reason: string };
  bonusRule?: { rule: CampaignBonusRule; startsAt: string; endsAt: string };
  message?: { channel: MessageChannel; template: string };
}

export function parseActions(json: string): CampaignActions {
  return JSON.parse(json) as CampaignActions;
}

/** Whether the campaign's bonus rule window is still open at `now` (undefined: no bonus rule). */
export function bonusWindowAt(actions: CampaignActions, now: Date): 'open' | 'over' | undefined {
  if (!actions.bonusRule) {
    return undefined;
  }
  return new Date(actions.bonusRule.endsAt) > now ? 'open' : 'over';
}

export function parseStoredAudience(json: string): AudienceDefinition {
  return JSON.parse(json) as AudienceDefinition;
}
