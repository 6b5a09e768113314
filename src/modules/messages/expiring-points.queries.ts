import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { select } from '../../database/sql';

export interface ExpiringPoints {
  member_id: string;
  points: string | number;
  first_expiry: Date;
}

/** What the expiry notices read: the points each member of a range has expiring in a window. */
@Injectable()
export class ExpiringPointsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One row per member of [fromId, toId) after `afterId` with unspent points expiring in (asOf, until]:
   * how many, and the first date. Reads the lots by member id (the member/expiry index).
   */
  page(fromId: string, toId: string | null, afterId: string, asOf: Date, until: Date, limit: number): Promise<ExpiringPoints[]> {
    return select<ExpiringPoints>(
      this.dataSource.manager,
      `SELECT member_id, SUM(remaining) AS points, MIN(expires_at) AS first_expiry FROM point_lots
        WHERE member_id >= ? AND member_id > ? ${toId !== null ? 'AND member_id < ?' : ''}
          AND remaining > 0 AND expires_at > ? AND expires_at <= ?
        GROUP BY member_id ORDER BY member_id LIMIT ${limit}`,
      toId !== null ? [fromId, afterId, toId, asOf, until] : [fromId, afterId, asOf, until],
    );
  }
}
