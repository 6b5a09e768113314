import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { inTransaction } from '../../database/transaction';
import { ProgramSettings } from './entities/program-settings.entity';

/** All SQL of the one program_settings row (id 1). */
@Injectable()
export class ProgramSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs fn in one transaction (retried on deadlock, as every transaction here). */
  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, fn);
  }

  /** Writes the row from the PROGRAM_* defaults unless it exists. */
  async seed(d: AppConfig['program'], now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT IGNORE INTO program_settings
         (id, cents_per_point, excluded_categories, points_expiry_months, redemption_cents_per_100_points,
          allow_negative_balance, qualifying_window_months, offline_acceptance_days, return_window_days, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        d.centsPerPoint,
        JSON.stringify(d.excludedCategories),
        d.pointsExpiryMonths,
        d.redemptionCentsPer100Points,
        d.allowNegativeBalance,
        d.qualifyingWindowMonths,
        d.offlineAcceptanceDays,
        d.returnWindowDays,
        now,
      ],
    );
  }

  async find(manager: EntityManager = this.dataSource.manager): Promise<ProgramSettings | null> {
    return manager.getRepository(ProgramSettings).findOne({ where: { id: 1 } });
  }

  async findOrFail(manager: EntityManager = this.dataSource.manager): Promise<ProgramSettings> {
    return manager.getRepository(ProgramSettings).findOneOrFail({ where: { id: 1 } });
  }

  /** Locks the row for an edit inside `m`'s transaction. */
  async lock(m: EntityManager): Promise<void> {
    await m.query('SELECT id FROM program_settings WHERE id = 1 FOR UPDATE');
  }

  /** Sets the given columns (names from the service's fixed column map, never from input) and updated_at. */
  async update(m: EntityManager, values: Array<[column: string, value: unknown]>, now: Date): Promise<void> {
    await m.query(`UPDATE program_settings SET ${values.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = 1`, [
      ...values.map(([, value]) => value),
      now,
    ]);
  }
}
