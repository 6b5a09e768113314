import { Injectable } from '@nestjs/common';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { LadderService } from '../ladder.service';
import { LadderTier } from '../rules/ladder';
import { snapshotServes, snapshotWindows } from '../rules/window-snapshot';
import { TiersService } from '../tiers.service';
import { RefreshWindowStatsUseCase } from './refresh-window-stats.use-case';
import { TierEngineRepository } from './tier-engine.repository';

export interface SimulatedTier {
  code: string;
  membersNow: number;
  membersAfter: number;
  movingUp: number;
  movingDown: number;
  spendCentsNow: number;
  spendCentsAfter: number;
  /** Share of all members' 12-month spend held by the tier's members after the change, 0–1 (4 decimals). */
  spendShareNow: number;
  spendShareAfter: number;
}

export interface SimulationResult {
  members: number;
  spendCents12m: number;
  tiers: SimulatedTier[];
  /** Current tiers the proposal leaves out, with the members in them now. */
  removed: Array<{ code: string; membersNow: number }>;
  /** The instant the window sums are for (the snapshot's); current tiers are read live. */
  asOf: string;
  /** Whether this simulation refreshed the snapshot first (none served, or asked to). */
  snapshotRefreshed: boolean;
  durationMs: number;
}

export interface SimulateOptions {
  /** Refresh the snapshot of window sums first even if one serves (slow on a large program: a pass over every member). */
  refresh?: boolean;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/**
 * What-if: every member placed by the proposed ladder against their
 * qualifying window, as if all were placed now (no review dates, no
 * one-level steps, no grants); members in a rank tier the proposal keeps stay
 * there. Set-based in SQL over the snapshot of window sums
 * (member_window_stats, refreshed daily) and the members' current tiers;
 * the per-tier figures are folded from its cells. When no finished snapshot
 * sums the windows that hold now (none yet, the month has turned, the window
 * length was edited) or the caller asks, the snapshot is refreshed here
 * first, then read the same way.
 */
@Injectable()
export class SimulateLadderUseCase {
  constructor(
    private readonly repo: TierEngineRepository,
    private readonly ladder: LadderService,
    private readonly tiersService: TiersService,
    private readonly settings: ProgramSettingsService,
    private readonly refresher: RefreshWindowStatsUseCase,
  ) {}

  async simulate(proposed: LadderTier[], now = new Date(), options: SimulateOptions = {}): Promise<SimulationResult> {
    const started = Date.now();
    const [program, current, latest] = await Promise.all([this.settings.get(), this.tiersService.list(), this.repo.latestSnapshot()]);
    this.ladder.validate(
      proposed,
      current.map((t) => t.code),
    );
    const refresh = options.refresh === true || !snapshotServes(latest, snapshotWindows(now, program.qualifyingWindowMonths));
    const snapshot = refresh ? await this.refresher.refresh(now) : latest!;
    const cells = await this.repo.simulate(proposed, current[0]?.code ?? proposed[0].code);
    const proposedRank = new Map(proposed.map((t, i) => [t.code, i]));
    const rankOf = (code: string) => proposedRank.get(code) ?? current.find((t) => t.code === code)?.rank ?? 0;
    const totalMembers = cells.reduce((s, c) => s + c.members, 0);
    const totalSpend = cells.reduce((s, c) => s + c.spendCents, 0);
    const tiers = proposed.map((t) => {
      const now = cells.filter((c) => c.currentCode === t.code);
      const after = cells.filter((c) => c.proposedCode === t.code);
      const spendNow = now.reduce((s, c) => s + c.spendCents, 0);
      const spendAfter = after.reduce((s, c) => s + c.spendCents, 0);
      return {
        code: t.code,
        membersNow: now.reduce((s, c) => s + c.members, 0),
        membersAfter: after.reduce((s, c) => s + c.members, 0),
        movingUp: after.filter((c) => rankOf(c.currentCode) < rankOf(t.code)).reduce((s, c) => s + c.members, 0),
        movingDown: after.filter((c) => rankOf(c.currentCode) > rankOf(t.code)).reduce((s, c) => s + c.members, 0),
        spendCentsNow: spendNow,
        spendCentsAfter: spendAfter,
        spendShareNow: share(spendNow, totalSpend),
        spendShareAfter: share(spendAfter, totalSpend),
      };
    });
    const removedCodes = [...new Set(cells.map((c) => c.currentCode))].filter((code) => !proposedRank.has(code));
    return {
      members: totalMembers,
      spendCents12m: totalSpend,
      tiers,
      removed: removedCodes.map((code) => ({
        code,
        membersNow: cells.filter((c) => c.currentCode === code).reduce((s, c) => s + c.members, 0),
      })),
      asOf: snapshot.asOf.toISOString(),
      snapshotRefreshed: refresh,
      durationMs: Date.now() - started,
    };
  }
}
