import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toInt } from '../../../common/transformers';
import { placeholders } from '../../../database/multi-row';
import { inTransaction } from '../../../database/transaction';
import { RANK_ORDER_SQL } from '../../value/rules/rank-selection';
import { Tier } from '../entities/tier.entity';
import { QualifyingStats, qualifyingSumsByMember } from '../../points/rules/qualifying-sums';
import { readQualifyingStats } from '../../points/ledger/qualifying-sums.queries';
import { criteriaSql } from '../criteria/tier-criteria';

const BATCH = 1000;

/** Members who can hold no rank seat and do not count in a top x% tier's population. */
const NO_SEAT_STATUSES = "'merged', 'erasing', 'erased'";

/** The months of the qualifying window, YYYY-MM-01, both ends included. */
export interface Window {
  start: string;
  end: string;
}

/**
 * SQL of the rank review: its picks and what it reads. Its tier changes and
 * review dates are written by TiersRepository, the owner of the member's tier.
 */
@Injectable()
export class RankReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The ladder as it is in the database now (no cache: a review must see the latest edit). */
  async tiers(): Promise<Tier[]> {
    return this.dataSource.getRepository(Tier).find({ order: { rank: 'ASC' } });
  }

  /**
   * The top n members by value (score desc, 12-month spend desc, member id
   * asc) among those who meet the tier's minimum criteria over the window
   * and do not hold one of `higherCodes`. Merged members never, nor members
   * who asked to be erased (erasing, erased): they take no seat. A tier
   * without criteria admits every member with a value.
   */
  async topEligible(tier: Tier, n: number, window: Window, higherCodes: string[]): Promise<string[]> {
    const sums = qualifyingSumsByMember(window);
    const criteria = criteriaSql(tier, 'q') ?? { sql: '1 = 1', params: [] };
    const notHigher = higherCodes.length > 0 ? `AND mb.tier_code NOT IN (${higherCodes.map(() => '?').join(', ')})` : '';
    const rows: Array<{ member_id: string }> = await this.dataSource.query(
      `SELECT mv.member_id
         FROM member_values mv
         JOIN members mb ON mb.id = mv.member_id
         LEFT JOIN (${sums.sql}) q ON q.member_id = mv.member_id
        WHERE mb.status NOT IN (${NO_SEAT_STATUSES}) AND ${criteria.sql} ${notHigher}
        ORDER BY ${RANK_ORDER_SQL.replace(/\b(score|spend_12m|member_id)\b/g, 'mv.$1')}
        LIMIT ${Number(n)}`,
      [...sums.params, ...criteria.params, ...higherCodes],
    );
    return rows.map((r) => r.member_id);
  }

  /** The instant the figures of the newest finished value run are for (null: no value run has finished). */
  async latestValueRunAsOf(): Promise<Date | null> {
    const rows: Array<{ as_of: Date }> = await this.dataSource.query(
      'SELECT as_of FROM value_runs WHERE finished_at IS NOT NULL ORDER BY as_of DESC LIMIT 1',
    );
    return rows[0]?.as_of ?? null;
  }

  /** Every member of the programme (merged and erased members aside): what a top x% tier is a share of. */
  async population(): Promise<number> {
    const [row]: Array<{ n: string | number }> = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM members WHERE status NOT IN (${NO_SEAT_STATUSES})`,
    );
    return toInt(row?.n ?? 0);
  }

  /** Open grants that still count at asOf, by member (the newest grant of each). */
  async activeGrants(memberIds: string[], asOf: Date): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < memberIds.length; i += BATCH) {
      const ids = memberIds.slice(i, i + BATCH);
      const rows: Array<{ member_id: string; tier_code: string }> = await this.dataSource.query(
        `SELECT member_id, tier_code FROM tier_grants
          WHERE member_id IN (${ids.map(() => '?').join(', ')}) AND ended_at IS NULL AND ends_at > ? ORDER BY id`,
        [...ids, asOf],
      );
      for (const r of rows) {
        out.set(r.member_id, r.tier_code);
      }
    }
    return out;
  }

  /**
   * Records the members this run picked for the tier (replacing what an
   * earlier attempt of the same run recorded), in one transaction.
   */
  async recordPicks(runId: string, tierCode: string, memberIds: string[]): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      await m.query('DELETE FROM rank_review_picks WHERE run_id = ? AND tier_code = ?', [runId, tierCode]);
      for (let i = 0; i < memberIds.length; i += BATCH) {
        const ids = memberIds.slice(i, i + BATCH);
        await m.query(
          `INSERT INTO rank_review_picks (run_id, member_id, tier_code) VALUES ${placeholders(ids.length, 3)}`,
          ids.flatMap((id) => [runId, id, tierCode]),
        );
      }
    });
  }

  async holdersOf(tierCode: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM members WHERE tier_code = ? ORDER BY id', [tierCode]);
    return rows.map((r) => r.id);
  }

  /** Window figures of the given members (members with no stats are absent). */
  async windowStats(memberIds: string[], window: Window): Promise<Map<string, QualifyingStats>> {
    return readQualifyingStats(this.dataSource, memberIds, window);
  }
}
