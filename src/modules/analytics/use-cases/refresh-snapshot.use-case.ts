import { Injectable } from '@nestjs/common';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { AnalyticsRepository } from '../analytics.repository';
import { rollUpChurn } from '../rules/churn-rollup';
import { addDays, businessDay, businessDayStart, DAILY_DAYS, Figure, monthStart, MONTHS, PERIOD_PRESETS } from '../rules/figures';
import { tierDirection } from '../rules/tier-direction';

/**
 * Computes every precomputed figure as of one instant, set-based (a few
 * GROUP BY statements over the whole population, in one consistent read),
 * and stores them as one snapshot. Safe to run twice: a second run of the
 * same snapshot replaces the first's figures.
 */
@Injectable()
export class RefreshSnapshotUseCase {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly program: ProgramSettingsService,
  ) {}

  async refresh(snapshotId: string, asOf: Date): Promise<{ figures: number }> {
    const startedAt = new Date();
    const program = await this.program.get();
    // The dashboard's periods end with the snapshot's business day (up to asOf) and start N − 1 days before it.
    const today = businessDay(asOf);
    const active = PERIOD_PRESETS.map((days) => ({
      days,
      from: businessDayStart(addDays(today, 1 - days)),
      previousFrom: businessDayStart(addDays(today, 1 - 2 * days)),
    }));
    const collected = await this.repo.readConsistently(async (m) => {
      const cube = await this.repo.churnCube(m, asOf);
      const clubs = await this.repo.clubChurn(m, asOf);
      const points = await this.repo.pointTotals(m, asOf);
      const balances = await this.repo.balances(m);
      const expiring = await this.repo.expiringByMonth(m, monthStart(asOf), monthStart(asOf, MONTHS));
      const valueRun = await this.repo.latestValueRun(m);
      const rfm = await this.repo.rfmCells(m);
      const tiers = await this.repo.tierDistribution(m);
      const ranks = await this.repo.tierRanks(m);
      const moves = await this.repo.tierMoves(m, monthStart(asOf, 1 - MONTHS), asOf);
      const daily = await this.repo.dailyActivity(m, businessDayStart(addDays(today, 1 - DAILY_DAYS)), asOf);
      const activity = await this.repo.activeMembers(m, active, asOf);
      const loyalty = await this.repo.loyaltyWindows(m, active, asOf);
      const dailyFrom = businessDayStart(addDays(today, 1 - DAILY_DAYS));
      const lapses = await this.repo.lapsesByDay(m, dailyFrom, asOf);
      const dayMoves = await this.repo.tierMoves(m, dailyFrom, asOf, 'day');
      return {
        cube,
        clubs,
        points,
        balances,
        expiring,
        valueRun,
        rfm,
        tiers,
        ranks,
        moves,
        daily,
        activity,
        loyalty,
        lapses,
        dayMoves,
      };
    });
    const { points, balances } = collected;
    const rankOf = new Map(collected.ranks.map((t) => [t.code, t.rank]));
    const moves = new Map<string, Figure>();
    const addMove = (report: 'tiers' | 'tierdays', series: string, move: (typeof collected.moves)[number]) => {
      const label = `${tierDirection(move.fromTier, move.toTier, rankOf)}:${move.reason}`;
      const key = `${report}|${series}|${label}`;
      const figure = moves.get(key) ?? { report, series, label, value: 0 };
      figure.value += move.members;
      moves.set(key, figure);
    };
    collected.moves.forEach((move) => addMove('tiers', `moves.${move.month}`, move));
    // tierMoves by day puts the business day where the month would be.
    collected.dayMoves.forEach((move) => addMove('tierdays', move.month, move));
    const figures: Figure[] = [
      ...rollUpChurn(collected.cube, collected.clubs),
      { report: 'points', series: 'lifetime', label: 'issued', value: points.issued },
      { report: 'points', series: 'lifetime', label: 'redeemed', value: points.redeemed },
      { report: 'points', series: 'lifetime', label: 'expired', value: points.expired },
      { report: 'points', series: 'balances', label: 'outstanding', value: balances.outstanding },
      { report: 'points', series: 'balances', label: 'debt', value: balances.debt },
      { report: 'points', series: 'balances', label: 'pending', value: balances.pending },
      ...collected.expiring.map((e) => ({ report: 'liability' as const, series: 'expiring', label: e.month, value: e.points })),
      ...collected.rfm.map((c) => ({ report: 'rfm' as const, series: 'cells', label: `${c.r}:${c.f}`, value: c.members })),
      ...collected.tiers.map((t) => ({ report: 'tiers' as const, series: 'distribution', label: t.tier, value: t.members })),
      ...moves.values(),
      ...collected.daily.map((d) => ({ report: 'daily' as const, series: d.day, label: d.label, value: d.value })),
      ...collected.activity.flatMap((a) => [
        { report: 'activity' as const, series: 'active', label: String(a.days), value: a.current },
        { report: 'activity' as const, series: 'active', label: `${a.days}:previous`, value: a.previous },
      ]),
      ...collected.loyalty.flatMap((l) => [
        { report: 'loyalty' as const, series: `period.${l.days}`, label: 'buyers', value: l.buyers },
        { report: 'loyalty' as const, series: `period.${l.days}`, label: 'repeaters', value: l.repeaters },
        { report: 'loyalty' as const, series: `period.${l.days}`, label: 'purchases', value: l.purchases },
      ]),
      ...collected.lapses.map((l) => ({ report: 'lapses' as const, series: l.day, label: String(l.days), value: l.members })),
    ];
    await this.repo.saveSnapshot(
      {
        id: snapshotId,
        asOf,
        startedAt,
        finishedAt: new Date(),
        valueRunId: collected.valueRun?.id ?? null,
        valueRunAsOf: collected.valueRun?.asOf ?? null,
        redemptionCentsPer100Points: program.redemptionCentsPer100Points,
      },
      figures,
    );
    return { figures: figures.length };
  }
}
