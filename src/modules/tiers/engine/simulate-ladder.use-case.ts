import { Injectable } from '@nestjs/common';
import { ProgramSettingsService } from '../../points/program-settings.service';
import { LadderService } from '../ladder.service';
import { LadderTier } from '../rules/ladder';
import { qualifyingWindowStart } from '../rules/tier-qualification';
import { TiersService } from '../tiers.service';
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
  durationMs: number;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/**
 * What-if: every member placed by the proposed ladder against their current
 * qualifying window, as if all were placed now (no review dates, no
 * one-level steps, no grants); members in a rank tier the proposal keeps stay
 * there. One GROUP BY in SQL; the per-tier figures are folded from its cells.
 */
@Injectable()
export class SimulateLadderUseCase {
  constructor(
    private readonly repo: TierEngineRepository,
    private readonly ladder: LadderService,
    private readonly tiersService: TiersService,
    private readonly settings: ProgramSettingsService,
  ) {}

  async execute(proposed: LadderTier[], now = new Date()): Promise<SimulationResult> {
    this.ladder.validate(proposed);
    const started = Date.now();
    const [program, current] = await Promise.all([this.settings.get(), this.tiersService.list()]);
    const cells = await this.repo.simulate(
      proposed,
      qualifyingWindowStart(now, program.qualifyingWindowMonths),
      qualifyingWindowStart(now, 12),
    );
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
      durationMs: Date.now() - started,
    };
  }
}
