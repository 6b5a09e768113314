import { ApiProperty } from '@nestjs/swagger';
import { bilingual } from '../rule-description';
import { allowOnly, AudiencePartKind, days, daysBefore, MAX_DAYS } from './audience-part.kind';

/** Members who joined in the last D days. */
export class JoinedWithinDaysAudiencePart {
  @ApiProperty({ enum: ['joinedWithinDays'], example: 'joinedWithinDays' })
  type: 'joinedWithinDays';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_DAYS, example: 30 })
  days: number;
}

export const joinedWithinDaysPart: AudiencePartKind<JoinedWithinDaysAudiencePart> = {
  type: 'joinedWithinDays',
  schema: JoinedWithinDaysAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'days');
    return { type: 'joinedWithinDays', days: days(p.days, `${field}.days`) };
  },
  describe: (part) => bilingual(`近 ${part.days} 天入会`, `joined in the last ${part.days} days`),
  compile: (part, ctx) => ({ sql: 'm.created_at >= ?', params: [daysBefore(ctx.now, part.days)] }),
  matches: (part, member, ctx) => member.createdAt >= daysBefore(ctx.now, part.days),
  explain: (_part, member) => bilingual(`入会于 ${member.createdAt.toISOString()}`, `joined ${member.createdAt.toISOString()}`),
};
