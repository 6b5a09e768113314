import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toInt } from '../../common/transformers';
import { inTransaction } from '../../database/transaction';
import { PointsRepository } from './points.repository';

const MEMBERS_PER_BATCH = 500;

/**
 * Expires lots whose date has passed: each lot's remaining points leave the
 * balance through an `expiry` entry. Safe to run twice (an expired lot has
 * nothing left) and safe beside postings (it takes the same account lock).
 */
@Injectable()
export class ExpiryService {
  private readonly logger = new Logger(ExpiryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: PointsRepository,
  ) {}

  async expireDue(asOf: Date): Promise<{ members: number; lots: number; points: number }> {
    const totals = { members: 0, lots: 0, points: 0 };
    let afterMemberId = '';
    for (;;) {
      const rows: Array<{ member_id: string }> = await this.dataSource.query(
        `SELECT DISTINCT member_id FROM point_lots
          WHERE expires_at <= ? AND remaining > 0 AND member_id > ?
          ORDER BY member_id LIMIT ${MEMBERS_PER_BATCH}`,
        [asOf, afterMemberId],
      );
      if (rows.length === 0) {
        break;
      }
      for (const { member_id: memberId } of rows) {
        const r = await this.expireMember(memberId, asOf);
        totals.members += r.lots > 0 ? 1 : 0;
        totals.lots += r.lots;
        totals.points += r.points;
      }
      afterMemberId = rows[rows.length - 1].member_id;
    }
    this.logger.log({ ...totals, asOf: asOf.toISOString() }, 'points expiry finished');
    return totals;
  }

  private async expireMember(memberId: string, asOf: Date): Promise<{ lots: number; points: number }> {
    return inTransaction(this.dataSource, async (m) => {
      const now = new Date();
      const account = await this.repo.lockAccount(m, memberId);
      if (!account) {
        return { lots: 0, points: 0 };
      }
      const lots: Array<{ id: string; remaining: string }> = await m.query(
        'SELECT id, remaining FROM point_lots WHERE member_id = ? AND expires_at <= ? AND remaining > 0 ORDER BY expires_at, id FOR UPDATE',
        [memberId, asOf],
      );
      let balance = account.balance;
      let points = 0;
      for (const lot of lots) {
        const remaining = toInt(lot.remaining);
        balance -= remaining;
        points += remaining;
        const entryId = await this.repo.insertEntry(m, {
          memberId,
          type: 'expiry',
          points: -remaining,
          balanceAfter: balance,
          storeId: null,
          refType: 'lot',
          refId: String(lot.id),
          createdAt: now,
        });
        await this.repo.insertConsumptions(m, memberId, entryId, [{ lotId: toInt(lot.id), points: remaining }]);
        await m.query('UPDATE point_lots SET remaining = 0 WHERE id = ?', [lot.id]);
      }
      if (points > 0) {
        await this.repo.updateAccount(m, memberId, { balanceDelta: -points }, now);
      }
      return { lots: lots.length, points };
    });
  }
}
