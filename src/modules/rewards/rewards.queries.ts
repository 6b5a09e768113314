import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { select } from '../../database/sql';

/** Read models the catalog needs from other tables (read only). */
@Injectable()
export class RewardsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these store ids name a store (a reward's store scope must). */
  async existingStoreIds(storeIds: string[]): Promise<Set<string>> {
    if (storeIds.length === 0) {
      return new Set();
    }
    const rows = await select<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM stores WHERE id IN (${storeIds.map(() => '?').join(', ')})`,
      storeIds,
    );
    return new Set(rows.map((r) => r.id));
  }
}
