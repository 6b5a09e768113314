import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { select, execute } from '../../database/sql';
import { Reward } from './entities/reward.entity';

type Db = Pick<EntityManager, 'query'>;

interface RewardRow {
  id: string;
  name_zh: string;
  name_en: string;
  description_zh: string | null;
  description_en: string | null;
  image_url: string | null;
  kind: Reward['kind'];
  value_cents: string | number | null;
  percent_off: number | null;
  gift_sku: string | null;
  min_spend_cents: string | number;
  valid_from: Date | null;
  valid_until: Date | null;
  valid_days: number | null;
  timezone: string;
  store_ids: string | null;
  points_price: string | number | null;
  stock_total: number | null;
  stock_left: number | null;
  per_member_limit: number | null;
  eligible_tiers: string | null;
  eligible_clubs: string | null;
  sale_starts_at: Date | null;
  sale_ends_at: Date | null;
  status: Reward['status'];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS: Array<[keyof Reward, keyof RewardRow]> = [
  ['id', 'id'],
  ['nameZh', 'name_zh'],
  ['nameEn', 'name_en'],
  ['descriptionZh', 'description_zh'],
  ['descriptionEn', 'description_en'],
  ['imageUrl', 'image_url'],
  ['kind', 'kind'],
  ['valueCents', 'value_cents'],
  ['percentOff', 'percent_off'],
  ['giftSku', 'gift_sku'],
  ['minSpendCents', 'min_spend_cents'],
  ['validFrom', 'valid_from'],
  ['validUntil', 'valid_until'],
  ['validDays', 'valid_days'],
  ['timezone', 'timezone'],
  ['storeIds', 'store_ids'],
  ['pointsPrice', 'points_price'],
  ['stockTotal', 'stock_total'],
  ['stockLeft', 'stock_left'],
  ['perMemberLimit', 'per_member_limit'],
  ['eligibleTiers', 'eligible_tiers'],
  ['eligibleClubs', 'eligible_clubs'],
  ['saleStartsAt', 'sale_starts_at'],
  ['saleEndsAt', 'sale_ends_at'],
  ['status', 'status'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

function toReward(r: RewardRow): Reward {
  return {
    ...Object.fromEntries(COLUMNS.map(([field, column]) => [field, r[column]])),
    valueCents: num(r.value_cents),
    minSpendCents: Number(r.min_spend_cents),
    pointsPrice: num(r.points_price),
  } as Reward;
}

/** The rewards aggregate: the catalog rows, their stock, the per-member counts and the exchanges by key. All SQL here. */
@Injectable()
export class RewardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(m: Db, reward: Reward): Promise<void> {
    await execute(
      m,
      `INSERT INTO rewards (${COLUMNS.map(([, c]) => c).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
      COLUMNS.map(([field]) => reward[field]),
    );
  }

  /** Writes the editable fields (everything but id, stock_left and created_at; stock_left moves with stock_total). */
  async update(m: Db, reward: Reward, stockDelta: number): Promise<void> {
    const editable = COLUMNS.filter(([field]) => !['id', 'stockLeft', 'createdAt'].includes(field));
    await execute(
      m,
      `UPDATE rewards SET ${editable.map(([, c]) => `${c} = ?`).join(', ')},
              stock_left = CASE WHEN ? IS NULL THEN NULL ELSE GREATEST(0, COALESCE(stock_left, 0) + ?) END
        WHERE id = ?`,
      [...editable.map(([field]) => reward[field]), reward.stockTotal, stockDelta, reward.id],
    );
  }

  async find(rewardId: string, m: Db = this.dataSource.manager): Promise<Reward | null> {
    const rows = await select<RewardRow>(m, 'SELECT * FROM rewards WHERE id = ?', [rewardId]);
    return rows[0] ? toReward(rows[0]) : null;
  }

  async lock(m: Db, rewardId: string): Promise<Reward | null> {
    const rows = await select<RewardRow>(m, 'SELECT * FROM rewards WHERE id = ? FOR UPDATE', [rewardId]);
    return rows[0] ? toReward(rows[0]) : null;
  }

  /** A page of rewards by id (newest first with time-ordered ids reversed: ids descending). */
  async list(cursor: string | null, limit: number, status: Reward['status'] | null): Promise<Reward[]> {
    const where = [cursor ? 'id < ?' : null, status ? 'status = ?' : null].filter((w) => w !== null);
    const rows = await select<RewardRow>(
      this.dataSource.manager,
      `SELECT * FROM rewards ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${Number(limit)}`,
      [cursor, status].filter((v) => v !== null),
    );
    return rows.map(toReward);
  }

  /** The rewards a member may see in the catalog: active, with a points price, in their sales window. */
  async onSale(now: Date): Promise<Reward[]> {
    const rows = await select<RewardRow>(
      this.dataSource.manager,
      `SELECT * FROM rewards
        WHERE status = 'active' AND points_price IS NOT NULL
          AND (sale_starts_at IS NULL OR sale_starts_at <= ?) AND (sale_ends_at IS NULL OR sale_ends_at > ?)
        ORDER BY points_price, id LIMIT 500`,
      [now, now],
    );
    return rows.map(toReward);
  }

  /** Takes one from the stock: false when none is left (the guard of "last 10 items", checked on affected rows). */
  async takeStock(m: Db, rewardId: string): Promise<boolean> {
    const result = await execute(
      m,
      `UPDATE rewards SET stock_left = stock_left - 1 WHERE id = ? AND status = 'active' AND stock_left > 0`,
      [rewardId],
    );
    return result.affectedRows === 1;
  }

  /** Puts one back (a voided coupon bought with points), never above the total. */
  async returnStock(m: Db, rewardId: string): Promise<void> {
    await execute(m, 'UPDATE rewards SET stock_left = LEAST(stock_total, stock_left + 1) WHERE id = ? AND stock_left IS NOT NULL', [
      rewardId,
    ]);
  }

  /** Counts one exchange of the member: false when the limit is reached (a conditional UPDATE on the member's row). */
  async takeMemberSlot(m: Db, rewardId: string, memberId: string, limit: number | null): Promise<boolean> {
    await execute(m, 'INSERT IGNORE INTO reward_member_counts (reward_id, member_id, exchanged) VALUES (?, ?, 0)', [rewardId, memberId]);
    const result = await execute(
      m,
      `UPDATE reward_member_counts SET exchanged = exchanged + 1
        WHERE reward_id = ? AND member_id = ? ${limit !== null ? 'AND exchanged < ?' : ''}`,
      limit !== null ? [rewardId, memberId, limit] : [rewardId, memberId],
    );
    return result.affectedRows === 1;
  }

  async returnMemberSlot(m: Db, rewardId: string, memberId: string): Promise<void> {
    await execute(m, 'UPDATE reward_member_counts SET exchanged = exchanged - 1 WHERE reward_id = ? AND member_id = ? AND exchanged > 0', [
      rewardId,
      memberId,
    ]);
  }

  /** How many of each reward the member has exchanged. */
  async exchangedBy(memberId: string, rewardIds: string[], m: Db = this.dataSource.manager): Promise<Map<string, number>> {
    if (rewardIds.length === 0) {
      return new Map();
    }
    const rows = await select<{ reward_id: string; exchanged: number }>(
      m,
      `SELECT reward_id, exchanged FROM reward_member_counts WHERE member_id = ? AND reward_id IN (${rewardIds.map(() => '?').join(', ')})`,
      [memberId, ...rewardIds],
    );
    return new Map(rows.map((r) => [r.reward_id, Number(r.exchanged)]));
  }

  async findExchange(
    memberId: string,
    key: string,
    m: Db = this.dataSource.manager,
  ): Promise<{ rewardId: string; response: string } | null> {
    const rows = await select<{ reward_id: string; response: string }>(
      m,
      'SELECT reward_id, response FROM reward_exchanges WHERE member_id = ? AND idempotency_key = ?',
      [memberId, key],
    );
    return rows[0] ? { rewardId: rows[0].reward_id, response: rows[0].response } : null;
  }

  async insertExchange(
    m: Db,
    e: { id: string; memberId: string; key: string; rewardId: string; couponId: string; response: string; at: Date },
  ): Promise<void> {
    await execute(
      m,
      `INSERT INTO reward_exchanges (id, member_id, idempotency_key, reward_id, coupon_id, response, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.memberId, e.key, e.rewardId, e.couponId, e.response, e.at],
    );
  }
}
