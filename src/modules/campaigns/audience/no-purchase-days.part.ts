import { ApiProperty } from '@nestjs/swagger';
import { bilingual } from '../rule-description';
import { allowOnly, AudiencePartKind, days, daysBefore, MAX_DAYS } from './audience-part.kind';

/** Members with no purchase in the last D days (lapsed). */
export class NoPurchaseDaysAudiencePart {
  @ApiProperty({ enum: ['noPurchaseDays'], example: 'noPurchaseDays' })
  type: 'noPurchaseDays';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_DAYS, example: 180 })
  days: number;
}

export const noPurchaseDaysPart: AudiencePartKind<NoPurchaseDaysAudiencePart> = {
  type: 'noPurchaseDays',
  schema: NoPurchaseDaysAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'days');
    return { type: 'noPurchaseDays', days: days(p.days, `${field}.days`) };
  },
  describe: (part) => bilingual(`${part.days} 天内无消费`, `no purchase in the last ${part.days} days`),
  compile: (part, ctx) => ({
    sql: 'NOT EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.occurred_at >= ?)',
    params: [daysBefore(ctx.now, part.days)],
  }),
  matches(part, member, ctx) {
    const since = daysBefore(ctx.now, part.days);
    return !member.purchases.some((p) => p.occurredAt >= since);
  },
  explain(_part, member) {
    const last = lastPurchase(member.purchases);
    return last ? bilingual(`最近一次消费 ${last}`, `last purchase ${last}`) : bilingual('从未消费', 'never bought');
  },
};

function lastPurchase(purchases: Array<{ occurredAt: Date }>): string | null {
  const last = Math.max(...purchases.map((p) => p.occurredAt.getTime()));
  return Number.isFinite(last) ? new Date(last).toISOString() : null;
}
