import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays } from '../../common/time';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { CampaignSurveyInviter } from '../campaigns/campaign-survey-inviter';
import { OutboxService } from '../messages/outbox.service';
import { SurveyInvitation } from './entities/survey-invitation.entity';
import { Survey } from './entities/survey.entity';
import { signSurveyLink } from './rules/survey-link';
import { SURVEY_INVITATION_TEMPLATE } from './survey-invitation-template';
import { SurveysRepository } from './surveys.repository';

export interface InvitationTarget {
  memberId: string;
  source: 'purchase' | 'campaign';
  /** The purchase id, or `<campaign id>:<occurrence>`. */
  sourceRef: string;
  storeId: string | null;
}

/**
 * Makes invitations, in one transaction (the caller's, or its own): open
 * invitations whose life is over are expired first; each invitation is an
 * INSERT IGNORE that the database refuses while the member has another open
 * invitation (unique open_member_id) or when this source invited them before
 * (unique survey, member, source ref); each one written gets its message
 * (template survey.invitation with the signed link) through the outbox,
 * where consent to the channel decides. An invitation whose message cannot
 * be sent (no consent, no address) is taken back: it would hold the member's
 * one open invitation and count as unanswered.
 */
@Injectable()
export class SurveyInviter implements CampaignSurveyInviter {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SurveysRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  link(invitationId: string): string {
    return `${this.config.portal.pageUrl}/survey/${signSurveyLink(invitationId, this.config.jwt.secret)}`;
  }

  /** Answers each invited member's message status (queued); members not invited are absent. */
  async inviteTargets(
    survey: Survey,
    targets: readonly InvitationTarget[],
    now: Date,
    manager?: EntityManager,
  ): Promise<Map<string, string>> {
    if (survey.status !== 'active' || targets.length === 0) {
      return new Map();
    }
    const run = async (m: EntityManager) => {
      const memberIds = [...new Set(targets.map((t) => t.memberId))];
      await this.repo.expireOpenOf(m, memberIds, now);
      const tiers = await this.repo.tiersOf(m, memberIds);
      const rows: SurveyInvitation[] = targets
        .filter((t) => tiers.has(t.memberId))
        .map((t) => ({
          id: newId(),
          surveyId: survey.id,
          memberId: t.memberId,
          openMemberId: t.memberId,
          source: t.source,
          sourceRef: t.sourceRef,
          storeId: t.storeId,
          tierCode: tiers.get(t.memberId) as string,
          status: 'open',
          messageStatus: null,
          createdAt: now,
          expiresAt: addDays(now, survey.validDays),
          remindedAt: null,
          answeredAt: null,
        }));
      const written = await this.repo.insertInvitations(m, rows);
      const statuses = new Map<string, string>();
      const byInvitation = new Map<string, string>();
      const takenBack: string[] = [];
      for (const row of rows.filter((r) => written.has(r.id))) {
        const source = `survey-invitation:${row.id}`;
        await this.outbox.enqueue(
          {
            source,
            memberId: row.memberId,
            templateCode: SURVEY_INVITATION_TEMPLATE,
            variables: { survey: survey.titleZh, surveyLink: this.link(row.id) },
          },
          m,
        );
        const status = (await this.outbox.statusesOf(m, source, [row.memberId])).get(row.memberId) ?? 'skipped';
        if (status === 'queued') {
          statuses.set(row.memberId, status);
          byInvitation.set(row.id, status);
        } else {
          takenBack.push(row.id);
        }
      }
      await this.repo.setMessageStatus(m, byInvitation);
      await this.repo.deleteInvitations(m, takenBack);
      return statuses;
    };
    return manager ? run(manager) : this.transactions.retrying(run);
  }

  /** The campaign action's port: one invitation per member and occurrence. */
  async invite(
    m: EntityManager,
    request: { surveyId: string; campaignId: string; occurrence: string; memberIds: readonly string[]; now: Date },
  ): Promise<Map<string, string>> {
    const survey = await this.repo.survey(request.surveyId, m);
    if (!survey || survey.status !== 'active') {
      throw new Error(`campaign ${request.campaignId}: survey ${request.surveyId} is not active`);
    }
    const sourceRef = `${request.campaignId}:${request.occurrence}`;
    return this.inviteTargets(
      survey,
      request.memberIds.map((memberId) => ({ memberId, source: 'campaign' as const, sourceRef, storeId: null })),
      request.now,
      m,
    );
  }
}
