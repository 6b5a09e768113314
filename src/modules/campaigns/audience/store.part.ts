import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { bilingual, listed, named } from '../rule-description';
import { allowOnly, AudiencePartKind, days, daysBefore, ids, inList, MAX_DAYS, MAX_IDS, UUID } from './audience-part.kind';

/** Members whose preferred store is one of these, or (with boughtWithinDays) who bought there in the last D days. */
export class StoreAudiencePart {
  @ApiProperty({ enum: ['store'], example: 'store' })
  type: 'store';

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_IDS, example: ['01a212aa-8b99-749f-88e9-001ff70d99cf'] })
  storeIds: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DAYS, example: 30 })
  boughtWithinDays?: number;
}

export const storePart: AudiencePartKind<StoreAudiencePart> = {
  type: 'store',
  schema: StoreAudiencePart,
  parse(p, field) {
    allowOnly(p, field, 'storeIds', 'boughtWithinDays');
    const storeIds = ids(p.storeIds, `${field}.storeIds`, UUID, 'a uuid');
    return p.boughtWithinDays === undefined
      ? { type: 'store', storeIds }
      : { type: 'store', storeIds, boughtWithinDays: days(p.boughtWithinDays, `${field}.boughtWithinDays`) };
  },
  describe: (part, names) =>
    part.boughtWithinDays === undefined
      ? bilingual(`常去门店为 ${listed(named(part.storeIds, names))}`, `preferred store ${listed(named(part.storeIds, names))}`)
      : bilingual(
          `常去门店为 ${listed(named(part.storeIds, names))}，或近 ${part.boughtWithinDays} 天在该店消费过`,
          `preferred store ${listed(named(part.storeIds, names))}, or bought there in the last ${part.boughtWithinDays} days`,
        ),
  namedIds: (part) => part.storeIds,
  compile(part, ctx) {
    const preferred = inList('m.preferred_store_id', part.storeIds);
    if (part.boughtWithinDays === undefined) {
      return preferred;
    }
    const bought = inList('p.store_id', part.storeIds);
    return {
      sql: `(${preferred.sql} OR EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND ${bought.sql} AND p.occurred_at >= ?))`,
      params: [...preferred.params, ...bought.params, daysBefore(ctx.now, part.boughtWithinDays)],
    };
  },
  matches(part, member, ctx) {
    // NULL IN (…) is NULL: a member without a preferred store is unknown to the preferred-store test (see the kind).
    const preferred = member.preferredStoreId === null ? null : part.storeIds.includes(member.preferredStoreId);
    if (part.boughtWithinDays === undefined || preferred === true) {
      return preferred;
    }
    const since = daysBefore(ctx.now, part.boughtWithinDays);
    const bought = member.purchases.some((p) => part.storeIds.includes(p.storeId) && p.occurredAt >= since);
    return bought ? true : preferred;
  },
  explain(part, member, ctx) {
    const preferred = member.preferredStoreId ?? '—';
    if (part.boughtWithinDays === undefined) {
      return bilingual(`常去门店 ${preferred}`, `preferred store is ${preferred}`);
    }
    const since = daysBefore(ctx.now, part.boughtWithinDays);
    const there = member.purchases.filter((p) => part.storeIds.includes(p.storeId) && p.occurredAt >= since).length;
    return bilingual(
      `常去门店 ${preferred}；近 ${part.boughtWithinDays} 天在这些门店消费 ${there} 次`,
      `preferred store is ${preferred}; ${there} purchases at these stores in the last ${part.boughtWithinDays} days`,
    );
  },
};
