import { EntityManager } from 'typeorm';

export const CAMPAIGN_SURVEY_INVITER = Symbol('CAMPAIGN_SURVEY_INVITER');

/**
 * Where a campaign batch invites its members to a survey, inside the batch's
 * transaction. The surveys module implements it (a port: campaigns sit below
 * surveys). Each member gets one invitation per campaign occurrence, none
 * while another invitation of theirs is open; answers each invited member's
 * message status.
 */
export interface CampaignSurveyInviter {
  invite(
    m: EntityManager,
    request: { surveyId: string; campaignId: string; occurrence: string; memberIds: readonly string[]; now: Date },
  ): Promise<Map<string, string>>;
}
