import { Inject, Injectable, Optional } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { CONSENT_CHANNELS_FOR_MESSAGES, MessageChannel } from '../audience/audience-part.kind';
import { CAMPAIGN_SURVEY_INVITER, CampaignSurveyInviter } from '../campaign-survey-inviter';
import { bilingual } from '../rule-description';
import { ActionDelivery, CampaignActionKind, DeliveryBatch } from './campaign-action.kind';

/** The survey each member reached is invited to, and the channel of the invitation (its consent limits the audience). */
export class SurveyInvitationDto {
  @ApiProperty({ type: 'string', format: 'uuid', description: 'An active survey.', example: '01a212aa-9000-7000-8000-000000000002' })
  @IsUUID()
  surveyId: string;

  @ApiProperty({ enum: ['sms', 'email', 'push'], example: 'sms', description: 'The channel of the survey.invitation template.' })
  @IsIn(CONSENT_CHANNELS_FOR_MESSAGES)
  channel: MessageChannel;
}

export class SurveyInvitationActionDto extends SurveyInvitationDto {
  @ApiProperty({ enum: ['surveyInvitation'], example: 'surveyInvitation' })
  @IsIn(['surveyInvitation'])
  type: 'surveyInvitation';
}

/**
 * Invites each member reached to the survey, in the batch's transaction: an
 * invitation with its signed link and the survey.invitation message through
 * the outbox. Members with an open invitation already are left alone (at
 * most one open invitation each); a re-run invites nobody twice (one
 * invitation per member and occurrence). The survey must be active when the
 * batch runs.
 */
@Injectable()
export class SurveyInvitationDelivery implements ActionDelivery<SurveyInvitationDto> {
  constructor(@Optional() @Inject(CAMPAIGN_SURVEY_INVITER) private readonly inviter: CampaignSurveyInviter | null = null) {}

  async apply(batch: DeliveryBatch, action: SurveyInvitationDto): Promise<void> {
    if (batch.reached.length === 0) {
      return;
    }
    if (!this.inviter) {
      throw new Error(`campaign ${batch.campaign.id}: no survey inviter in this process (SurveyPortsModule not loaded)`);
    }
    const statuses = await this.inviter.invite(batch.m, {
      surveyId: action.surveyId,
      campaignId: batch.campaign.id,
      occurrence: batch.occurrence,
      memberIds: batch.reached,
      now: batch.now,
    });
    // As a message action's delivery row notes it: the invitation's message is in the outbox.
    for (const memberId of statuses.keys()) {
      batch.messageStatus.set(memberId, 'outbox');
    }
  }
}

export const surveyInvitationAction: CampaignActionKind<SurveyInvitationActionDto, SurveyInvitationDto> = {
  type: 'surveyInvitation',
  input: SurveyInvitationActionDto,
  stored: SurveyInvitationDto,
  validate: (input) => ({ surveyId: input.surveyId, channel: input.channel }),
  describe: (a) => bilingual(`邀请参加满意度调查（问卷 ${a.surveyId}）`, `invite to the satisfaction survey (${a.surveyId})`),
  delivery: SurveyInvitationDelivery,
  consentChannel: (a) => a.channel,
};
