import { Injectable } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import { Actor, AuditService } from '../../audit/audit.service';
import { OutboxService } from '../../messages/outbox.service';
import { surveyNotEditable, surveyNotFound } from '../surveys.errors';
import { SURVEY_INVITATION_TEMPLATE } from '../survey-invitation-template';
import { SurveyInviter } from '../survey-inviter';
import { SurveysRepository } from '../surveys.repository';

const PAGE = 500;

/**
 * Reminds the members whose invitation of an active survey is still open,
 * unanswered and alive, made at least `olderThanHours` ago: the invitation
 * message again (same link) through the outbox, source
 * `survey-reminder:<invitation id>`. At most one reminder per invitation: the
 * reminder is marked by a conditional UPDATE in the same transaction as its
 * message, so asking again (or two at once) sends none twice. Consent is the
 * outbox's, as for every message. Audited with the count.
 */
@Injectable()
export class SendRemindersUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SurveysRepository,
    private readonly outbox: OutboxService,
    private readonly inviter: SurveyInviter,
    private readonly audit: AuditService,
  ) {}

  async remind(actor: Actor, surveyId: string, olderThanHours: number): Promise<{ reminded: number }> {
    const survey = await this.repo.survey(surveyId);
    if (!survey) {
      throw surveyNotFound(surveyId);
    }
    if (survey.status !== 'active') {
      throw surveyNotEditable(`a ${survey.status} survey sends no reminders`, 'status');
    }
    const now = new Date();
    const madeBefore = new Date(now.getTime() - olderThanHours * 3600_000);
    let reminded = 0;
    for (;;) {
      const page = await this.repo.remindable(surveyId, madeBefore, now, PAGE);
      for (const inv of page) {
        await this.transactions.retrying(async (m) => {
          if (!(await this.repo.markReminded(m, inv.id, now))) {
            return;
          }
          const result = await this.outbox.enqueue(
            {
              source: `survey-reminder:${inv.id}`,
              memberId: inv.memberId,
              templateCode: SURVEY_INVITATION_TEMPLATE,
              variables: { survey: survey.titleZh, surveyLink: this.inviter.link(inv.id) },
            },
            m,
          );
          reminded += result.queued;
        });
      }
      if (page.length < PAGE) {
        break;
      }
    }
    await this.audit.record(actor, 'survey.remind', { type: 'survey', id: surveyId }, { reminded, olderThanHours });
    return { reminded };
  }
}
