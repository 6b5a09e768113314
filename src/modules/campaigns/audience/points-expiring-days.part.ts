import { ApiProperty } from '@nestjs/swagger';
import { bilingual } from '../rule-description';
import { allowOnly, AudiencePartKind, DAY_MS, days, MAX_DAYS } from './audience-part.kind';

/** Members with points that expire in the next D days. */
export class PointsExpiringDaysAudiencePart {
  @ApiProperty({ enum: ['pointsExpiringDays'], example: 'pointsExpiringDays' })
  type: 'pointsExpiringDays';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_DAYS, example: 30 })
  days: number;
}

function expiring(part: PointsExpiringDaysAudiencePart, lots: Array<{ remaining: number; expiresAt: Date }>, now: Date) {
  const until = new Date(now.getTime() + part.days * DAY_MS);
  return lots.filter((l) => l.remaining > 0 && l.expiresAt > now && l.expiresAt <= until);
}

export const pointsExpiringDaysPart: AudiencePartKind<PointsExpiringDaysAudiencePart> = {
  type: 'pointsExpiringDays',
  schema: PointsExpiringDaysAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'days');
    return { type: 'pointsExpiringDays', days: days(p.days, `${field}.days`) };
  },
  describe: (part) => bilingual(`有积分将在 ${part.days} 天内过期`, `points expiring in the next ${part.days} days`),
  compile: (part, ctx) => ({
    sql: 'EXISTS (SELECT 1 FROM point_lots l WHERE l.member_id = m.id AND l.remaining > 0 AND l.expires_at > ? AND l.expires_at <= ?)',
    params: [ctx.now, new Date(ctx.now.getTime() + part.days * DAY_MS)],
  }),
  matches: (part, member, ctx) => expiring(part, member.lots, ctx.now).length > 0,
  explain(part, member, ctx) {
    const points = expiring(part, member.lots, ctx.now).reduce((sum, l) => sum + l.remaining, 0);
    return bilingual(`${part.days} 天内将过期 ${points} 积分`, `${points} points expire in the next ${part.days} days`);
  },
};
