import { Type } from '@nestjs/common';
import { bonusRuleAction } from './bonus-rule.action';
import { ActionDelivery, CampaignActionKind } from './campaign-action.kind';
import { grantCouponAction } from './grant-coupon.action';
import { grantPointsAction } from './grant-points.action';
import { sendMessageAction } from './send-message.action';
import { surveyInvitationAction } from './survey-invitation.action';

/**
 * Every kind of campaign action, one line each. The order is the fan-out's:
 * an action that stops at a limit (a grant past the budget) comes before the
 * ones that only reach the members it reached (the message).
 */
export const CAMPAIGN_ACTION_KINDS = [
  grantPointsAction,
  grantCouponAction,
  bonusRuleAction,
  sendMessageAction,
  surveyInvitationAction,
] as const;

type Kinds = (typeof CAMPAIGN_ACTION_KINDS)[number];
type InputOf<K> = K extends CampaignActionKind<infer I, unknown> ? I : never;
type StoredOf<K> = K extends CampaignActionKind<{ type: string }, infer S> ? S : never;

export type CampaignActionType = Kinds['type'];
/** An action as the admin API takes it: a union discriminated by `type`. */
export type CampaignActionInput = InputOf<Kinds>;
/** A campaign's actions as stored and answered: at most one of each kind, keyed by its type. */
export type StoredActions = { [K in Kinds as K['type']]?: StoredOf<K> };

export type AnyActionKind = CampaignActionKind<{ type: string }, unknown>;

const BY_TYPE = new Map<string, AnyActionKind>(CAMPAIGN_ACTION_KINDS.map((k) => [k.type, k as AnyActionKind]));

export function actionKind(type: string): AnyActionKind | undefined {
  return BY_TYPE.get(type);
}

export const CAMPAIGN_ACTION_TYPES = CAMPAIGN_ACTION_KINDS.map((k) => k.type);

/** The fan-out providers of the kinds that have one (registered in CampaignsModule). */
export const CAMPAIGN_ACTION_DELIVERIES: Array<Type<ActionDelivery<never>>> = CAMPAIGN_ACTION_KINDS.flatMap((k) =>
  'delivery' in k && k.delivery ? [k.delivery as Type<ActionDelivery<never>>] : [],
);
