import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { CHURN_WINDOWS, ratio } from '../rules/figures';
import { customPeriod, PeriodRequest } from '../rules/period';
import { SnapshotFigures } from './snapshot-figures';

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Churn of a period: per window (90, 180, 365 days without a purchase) the members who lapsed during the period (and
 * have not bought since), beside the standing at the snapshot — members idle that long by tier, value grade, month
 * of last purchase and club.
 */
@Injectable()
export class GetChurnUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get(query: PeriodRequest = {}) {
    customPeriod(query);
    const s = await SnapshotFigures.load(this.repo, ['churn', 'lapses']);
    const period = s.period(query);
    const population = (prefix: string) => new Map(s.list('churn', 'population', prefix).map((p) => [p.key, p.value]));
    const tiers = population('tier:');
    const grades = population('grade:');
    const clubPopulation = population('club:');
    const clubIds = [...clubPopulation.keys()];
    const names = await this.repo.clubNames(clubIds);
    const total = s.get('churn', 'population', 'total');
    const slices = (series: string, prefix: string, of: Map<string, number> | null) =>
      s
        .list('churn', series, prefix)
        .map((c) => ({ key: c.key, members: c.value, population: of ? (of.get(c.key) ?? 0) : null }))
        .sort(byKey);
    return {
      ...s.stamp(),
      period,
      population: {
        total,
        byTier: [...tiers.entries()].map(([key, members]) => ({ key, members })).sort(byKey),
        byGrade: [...grades.entries()].map(([key, members]) => ({ key, members })).sort(byKey),
      },
      windows: CHURN_WINDOWS.map((days) => {
        const series = `churned.${days}`;
        const churned = s.get('churn', series, 'total');
        return {
          days,
          churned,
          rate: ratio(churned, total),
          lapsed: s.sumDays('lapses', String(days), period),
          byTier: slices(series, 'tier:', tiers),
          byGrade: slices(series, 'grade:', grades),
          byMonth: slices(series, 'month:', null),
          byClub: slices(series, 'club:', clubPopulation).map((c) => ({
            clubId: c.key,
            code: names.get(c.key)?.code ?? null,
            name: names.get(c.key)?.name ?? null,
            nameEn: names.get(c.key)?.nameEn ?? null,
            members: c.members,
            population: c.population ?? 0,
          })),
        };
      }),
    };
  }
}
