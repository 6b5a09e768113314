import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, AuditService } from '../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import { ConfigChanges } from '../../queue/config-changes';
import { ProgramSettings } from './entities/program-settings.entity';
import { ProgramSettingsRepository } from './program-settings.repository';

export interface Program {
  centsPerPoint: number;
  excludedCategories: ReadonlySet<string>;
  pointsExpiryMonths: number;
  redemptionCentsPer100Points: number;
  allowNegativeBalance: boolean;
  qualifyingWindowMonths: number;
  offlineAcceptanceDays: number;
  returnWindowDays: number;
  tierReviewMonths: number;
  campaignApprovalPointsPerMember: number;
  campaignApprovalTotalPoints: number;
}

/** The settings as the admin API shows and edits them. */
export interface ProgramView {
  centsPerPoint: number;
  excludedCategories: string[];
  pointsExpiryMonths: number;
  redemptionCentsPer100Points: number;
  allowNegativeBalance: boolean;
  qualifyingWindowMonths: number;
  offlineAcceptanceDays: number;
  returnWindowDays: number;
  tierReviewMonths: number;
  /** Maker-checker: campaigns above these wait in pending_approval for campaigns.approve. */
  campaignApprovalPointsPerMember: number;
  campaignApprovalTotalPoints: number;
}

const COLUMNS: Record<keyof ProgramView, string> = {
  centsPerPoint: 'cents_per_point',
  excludedCategories: 'excluded_categories',
  pointsExpiryMonths: 'points_expiry_months',
  redemptionCentsPer100Points: 'redemption_cents_per_100_points',
  allowNegativeBalance: 'allow_negative_balance',
  qualifyingWindowMonths: 'qualifying_window_months',
  offlineAcceptanceDays: 'offline_acceptance_days',
  returnWindowDays: 'return_window_days',
  tierReviewMonths: 'tier_review_months',
  campaignApprovalPointsPerMember: 'campaign_approval_points_per_member',
  campaignApprovalTotalPoints: 'campaign_approval_total_points',
};

const CACHE_MS = 5000;

@Injectable()
export class ProgramSettingsService implements OnApplicationBootstrap {
  private cache: { program: Program; at: number } | null = null;

  constructor(
    private readonly repo: ProgramSettingsRepository,
    private readonly config: AppConfig,
    private readonly changes: ConfigChanges,
    private readonly audit: AuditService,
  ) {
    // A settings edit in any process drops this cache at once (see ConfigChanges).
    changes.on('program', () => this.invalidate());
  }

  /** Seeds the one settings row from the PROGRAM_* defaults on an empty database. */
  async onApplicationBootstrap(): Promise<void> {
    await this.repo.seed(this.config.program, new Date());
  }

  /** The program, cached for a few seconds: it is read by every posting. */
  async get(): Promise<Program> {
    const now = Date.now();
    if (this.cache && now - this.cache.at < CACHE_MS) {
      return this.cache.program;
    }
    const row = await this.repo.find();
    if (!row) {
      throw new Error('program_settings has no row; the service seeds it at boot');
    }
    const view = viewOf(row);
    const program: Program = { ...view, excludedCategories: new Set(view.excludedCategories) };
    this.cache = { program, at: now };
    return program;
  }

  /** The stored settings, read fresh (the admin view). */
  async view(manager?: EntityManager): Promise<ProgramView & { updatedAt: string }> {
    const row = await this.repo.findOrFail(manager);
    return { ...viewOf(row), updatedAt: row.updatedAt.toISOString() };
  }

  /**
   * Applies the changed fields, audits old and new values of what changed,
   * and drops every process's cache: new postings use the settings at once.
   */
  async update(actor: Actor, changes: Partial<ProgramView>): Promise<ProgramView & { updatedAt: string }> {
    const result = await this.repo.transaction(async (m) => {
      await this.repo.lock(m);
      const before = await this.view(m);
      const changed = (Object.keys(changes) as Array<keyof ProgramView>).filter(
        (k) => changes[k] !== undefined && JSON.stringify(changes[k]) !== JSON.stringify(before[k]),
      );
      if (changed.length === 0) {
        return before;
      }
      const now = new Date();
      const value = (k: keyof ProgramView) => (k === 'excludedCategories' ? JSON.stringify(changes[k]) : changes[k]);
      await this.repo.update(
        m,
        changed.map((k) => [COLUMNS[k], value(k)]),
        now,
      );
      await this.audit.record(
        actor,
        'program.update',
        { type: 'program', id: '1' },
        {
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, changes[k]])),
        },
        m,
      );
      return this.view(m);
    });
    await this.changes.publish('program');
    return result;
  }

  invalidate(): void {
    this.cache = null;
  }
}

/** The settings row as the program reads it: categories lower-cased, booleans as booleans. */
function viewOf(row: ProgramSettings): ProgramView {
  return {
    centsPerPoint: row.centsPerPoint,
    excludedCategories: (JSON.parse(row.excludedCategories) as string[]).map((s) => s.toLowerCase()),
    pointsExpiryMonths: row.pointsExpiryMonths,
    redemptionCentsPer100Points: row.redemptionCentsPer100Points,
    allowNegativeBalance: Boolean(row.allowNegativeBalance),
    qualifyingWindowMonths: row.qualifyingWindowMonths,
    offlineAcceptanceDays: row.offlineAcceptanceDays,
    returnWindowDays: row.returnWindowDays,
    tierReviewMonths: row.tierReviewMonths,
    campaignApprovalPointsPerMember: row.campaignApprovalPointsPerMember,
    campaignApprovalTotalPoints: row.campaignApprovalTotalPoints,
  };
}
