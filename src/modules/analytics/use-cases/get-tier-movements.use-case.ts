import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { monthKeys, MONTHS } from '../rules/figures';
import { TierDirection } from '../rules/tier-direction';
import { SnapshotFigures } from './snapshot-figures';

/** Members per tier at the snapshot, and tier moves per month (12 months to the snapshot) by direction and reason. */
@Injectable()
export class GetTierMovementsUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get() {
    const [s, tiers] = await Promise.all([SnapshotFigures.load(this.repo, ['tiers']), this.repo.tierRanks()]);
    const counts = new Map(s.list('tiers', 'distribution').map((d) => [d.key, d.value]));
    const onLadder = new Set(tiers.map((t) => t.code));
    const distribution = [
      ...tiers.map((t) => ({ tier: t.code, name: t.name, members: counts.get(t.code) ?? 0 })),
      // Members still in a tier that was since removed from the ladder.
      ...[...counts.entries()].filter(([code]) => !onLadder.has(code)).map(([code, members]) => ({ tier: code, name: code, members })),
    ];
    const months = s.snapshot
      ? monthKeys(s.snapshot.asOf, 1 - MONTHS, MONTHS).map((month) => {
          const moves = s
            .list('tiers', `moves.${month}`)
            .map((m) => {
              const [direction, reason] = m.key.split(':');
              return { direction: direction as TierDirection, reason, members: m.value };
            })
            .sort((a, b) => `${a.direction}:${a.reason}`.localeCompare(`${b.direction}:${b.reason}`));
          const sum = (d: TierDirection) => moves.filter((m) => m.direction === d).reduce((n, m) => n + m.members, 0);
          return { month, up: sum('up'), down: sum('down'), new: sum('new'), same: sum('same'), moves };
        })
      : [];
    return { ...s.stamp(), distribution, months };
  }
}
