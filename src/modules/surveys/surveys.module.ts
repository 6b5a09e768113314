import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CAMPAIGN_SURVEY_INVITER } from '../campaigns/campaign-survey-inviter';
import { MessagesModule } from '../messages/messages.module';
import { PURCHASE_FOLLOW_UPS } from '../messages/purchase-follow-ups.port';
import { SurveyInvitationTemplateSeeder } from './survey-invitation-template';
import { SurveyInviter } from './survey-inviter';
import { SurveysRepository } from './surveys.repository';
import { AnswerSurveyUseCase } from './use-cases/answer-survey.use-case';
import { ChangeSurveyStatusUseCase } from './use-cases/change-survey-status.use-case';
import { FindSurveysUseCase } from './use-cases/find-surveys.use-case';
import { InvitePurchasersUseCase } from './use-cases/invite-purchasers.use-case';
import { SaveSurveyUseCase } from './use-cases/save-survey.use-case';
import { SurveyResultsUseCase } from './use-cases/survey-results.use-case';
import { TextAnswersUseCase } from './use-cases/text-answers.use-case';
import { SatisfactionLoyaltyUseCase } from './use-cases/satisfaction-loyalty.use-case';
import { SendRemindersUseCase } from './use-cases/send-reminders.use-case';

/**
 * The ports surveys provide to the modules below them: the messages worker's purchase follow-ups (post-purchase
 * invitations) and the campaigns' survey-invitation action. Global, so those modules find them without importing
 * surveys; loaded by the API and the worker roots.
 */
@Global()
@Module({
  imports: [MessagesModule],
  providers: [
    SurveysRepository,
    SurveyInviter,
    InvitePurchasersUseCase,
    { provide: PURCHASE_FOLLOW_UPS, useExisting: InvitePurchasersUseCase },
    { provide: CAMPAIGN_SURVEY_INVITER, useExisting: SurveyInviter },
  ],
  exports: [SurveysRepository, SurveyInviter, PURCHASE_FOLLOW_UPS, CAMPAIGN_SURVEY_INVITER],
})
export class SurveyPortsModule {}

const USE_CASES = [
  SaveSurveyUseCase,
  ChangeSurveyStatusUseCase,
  FindSurveysUseCase,
  SurveyResultsUseCase,
  TextAnswersUseCase,
  AnswerSurveyUseCase,
  SatisfactionLoyaltyUseCase,
  SendRemindersUseCase,
];

/** Satisfaction surveys: the builder, invitations (after a purchase, from campaigns), answers by signed link, the index and promoter score. */
@Module({
  imports: [SurveyPortsModule, MessagesModule, AuditModule],
  providers: [SurveyInvitationTemplateSeeder, ...USE_CASES],
  exports: [...USE_CASES],
})
export class SurveysModule {}
