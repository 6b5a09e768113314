import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { addDays, monthKeys, MONTHS } from '../rules/figures';
import { customPeriod, PeriodRequest } from '../rules/period';
import { TierDirection } from '../rules/tier-direction';
import { SnapshotFigures } from './snapshot-figures';

type Move = { direction: TierDirection; reason: string; members: number };

const byMove = (a: Move, b: Move) => `${a.direction}:${a.reason}`.localeCompare(`${b.direction}:${b.reason}`);
const total = (moves: Move[], d: TierDirection) => moves.filter((m) => m.direction === d).reduce((n, m) => n + m.members, 0);
const parse = (figures: Array<{ key: string; value: number }>): Move[] =>
  figures.map((m) => {
    const [direction, reason] = m.key.split(':');
    return { direction: direction as TierDirection, reason, members: m.value };
  });

/**
 * Members per tier at the snapshot; the tier moves of a period (business days, from the tier history) by direction
 * and reason, and per day; and the moves per calendar month over the 12 months to the snapshot.
 */
@Injectable()
export class GetTierMovementsUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get(query: PeriodRequest = {}) {
    customPeriod(query);
    const [s, tiers] = await Promise.all([SnapshotFigures.load(this.repo, ['tiers', 'tierdays']), this.repo.tierRanks()]);
    const period = s.period(query);
    const counts = new Map(s.list('tiers', 'distribution').map((d) => [d.key, d.value]));
    const onLadder = new Set(tiers.map((t) => t.code));
    const distribution = [
      ...tiers.map((t) => ({ tier: t.code, name: t.name, members: counts.get(t.code) ?? 0 })),
      // Members still in a tier that was since removed from the ladder.
      ...[...counts.entries()].filter(([code]) => !onLadder.has(code)).map(([code, members]) => ({ tier: code, name: code, members })),
    ];
    const months = s.snapshot
      ? monthKeys(s.snapshot.asOf, 1 - MONTHS, MONTHS).map((month) => {
          const moves = parse(s.list('tiers', `moves.${month}`)).sort(byMove);
          return { month, up: total(moves, 'up'), down: total(moves, 'down'), new: total(moves, 'new'), same: total(moves, 'same'), moves };
        })
      : [];
    const days = period
      ? Array.from({ length: period.days }, (_, i) => {
          const day = addDays(period.from, i);
          const moves = parse(s.list('tierdays', day));
          return { day, up: total(moves, 'up'), down: total(moves, 'down'), new: total(moves, 'new'), same: total(moves, 'same') };
        })
      : [];
    const inPeriod = new Map<string, Move>();
    for (let i = 0; period && i < period.days; i++) {
      for (const move of parse(s.list('tierdays', addDays(period.from, i)))) {
        const key = `${move.direction}:${move.reason}`;
        const sum = inPeriod.get(key) ?? { ...move, members: 0 };
        sum.members += move.members;
        inPeriod.set(key, sum);
      }
    }
    const moves = [...inPeriod.values()].sort(byMove);
    return {
      ...s.stamp(),
      period,
      distribution,
      periodMoves: { up: total(moves, 'up'), down: total(moves, 'down'), new: total(moves, 'new'), same: total(moves, 'same'), moves },
      days,
      months,
    };
  }
}
