import { ApiProperty } from '@nestjs/swagger';
import { bilingual, listed } from '../rule-description';
import {
  allowOnly,
  AudiencePartKind,
  CONSENT_CHANNELS_FOR_MESSAGES,
  ids,
  inList,
  inListIgnoringCase,
  MessageChannel,
} from './audience-part.kind';

const CHANNEL = new RegExp(`^(${CONSENT_CHANNELS_FOR_MESSAGES.join('|')})$`);

/** Members who consented to any of these channels, whatever the campaign does (a grant to "BABY ∩ email consent"). */
export class ConsentAudiencePart {
  @ApiProperty({ enum: ['consent'], example: 'consent' })
  type: 'consent';

  @ApiProperty({ enum: CONSENT_CHANNELS_FOR_MESSAGES, isArray: true, minItems: 1, example: ['email'] })
  channels: MessageChannel[];
}

export const consentPart: AudiencePartKind<ConsentAudiencePart> = {
  type: 'consent',
  schema: ConsentAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'channels');
    return {
      type: 'consent',
      channels: ids(
        p.channels,
        `${field}.channels`,
        CHANNEL,
        `a channel (${CONSENT_CHANNELS_FOR_MESSAGES.join(', ')})`,
      ) as MessageChannel[],
    };
  },
  describe: (part) => bilingual(`同意接收 ${listed(part.channels)}`, `consented to ${listed(part.channels)}`),
  compile(part) {
    const list = inList('mc.channel', part.channels);
    return {
      sql: `EXISTS (SELECT 1 FROM member_consents mc WHERE mc.member_id = m.id AND ${list.sql} AND mc.granted = 1)`,
      params: list.params,
    };
  },
  matches: (part, member) => member.consents.some((c) => inListIgnoringCase(c, part.channels)),
  explain: (_part, member) =>
    member.consents.length === 0
      ? bilingual('未同意任何渠道', 'consented to no channel')
      : bilingual(`已同意 ${listed(member.consents)}`, `consented to ${listed(member.consents)}`),
};
