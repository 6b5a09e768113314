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

  /**
   * The tier and club codes as they are spelled in the ladder and the club list, by upper-cased code: eligibility
   * compares codes exactly, so a reward keeps the stored spelling (the collation matches "vip" to "VIP").
   */
  async existingCodes(table: 'tiers' | 'clubs', codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) {
      return new Map();
    }
    const rows = await select<{ code: string }>(
      this.dataSource.manager,
      `SELECT code FROM ${table} WHERE code IN (${codes.map(() => '?').join(', ')})`,
      codes,
    );
    return new Map(rows.map((r) => [r.code.toUpperCase(), r.code]));
  }
}
