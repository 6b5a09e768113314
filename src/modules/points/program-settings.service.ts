import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ProgramSettings } from './entities/program-settings.entity';

export interface Program {
  centsPerPoint: number;
  excludedCategories: ReadonlySet<string>;
  pointsExpiryMonths: number;
  redemptionCentsPer100Points: number;
  allowNegativeBalance: boolean;
  qualifyingWindowMonths: number;
  offlineAcceptanceDays: number;
  returnWindowDays: number;
}

const CACHE_MS = 5000;

@Injectable()
export class ProgramSettingsService implements OnApplicationBootstrap {
  private cache: { program: Program; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Seeds the one settings row from the PROGRAM_* defaults on an empty database. */
  async onApplicationBootstrap(): Promise<void> {
    const d = this.config.program;
    await this.dataSource.query(
      `INSERT IGNORE INTO program_settings
         (id, cents_per_point, excluded_categories, points_expiry_months, redemption_cents_per_100_points,
          allow_negative_balance, qualifying_window_months, offline_acceptance_days, return_window_days, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        d.centsPerPoint,
        d.excludedCategories.join(','),
        d.pointsExpiryMonths,
        d.redemptionCentsPer100Points,
        d.allowNegativeBalance,
        d.qualifyingWindowMonths,
        d.offlineAcceptanceDays,
        d.returnWindowDays,
        new Date(),
      ],
    );
  }

  /** The program, cached for a few seconds: it is read by every posting. */
  async get(): Promise<Program> {
    const now = Date.now();
    if (this.cache && now - this.cache.at < CACHE_MS) {
      return this.cache.program;
    }
    const row = await this.dataSource.getRepository(ProgramSettings).findOne({ where: { id: 1 } });
    if (!row) {
      throw new Error('program_settings has no row; the service seeds it at boot');
    }
    const program: Program = {
      centsPerPoint: row.centsPerPoint,
      excludedCategories: new Set(
        row.excludedCategories
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      ),
      pointsExpiryMonths: row.pointsExpiryMonths,
      redemptionCentsPer100Points: row.redemptionCentsPer100Points,
      allowNegativeBalance: Boolean(row.allowNegativeBalance),
      qualifyingWindowMonths: row.qualifyingWindowMonths,
      offlineAcceptanceDays: row.offlineAcceptanceDays,
      returnWindowDays: row.returnWindowDays,
    };
    this.cache = { program, at: now };
    return program;
  }

  invalidate(): void {
    this.cache = null;
  }
}
