import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { customPeriod, PeriodRequest } from '../rules/period';
import { SnapshotFigures } from './snapshot-figures';

/**
 * The R×F heat map: members per recency (1–5) and frequency (1–5) score of the last value run. Scores are a standing,
 * not a flow: the grid is as of that run whatever the period; the period is echoed so the screen can say so.
 */
@Injectable()
export class GetRfmUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get(query: PeriodRequest = {}) {
    customPeriod(query);
    const s = await SnapshotFigures.load(this.repo, ['rfm']);
    const grid = [1, 2, 3, 4, 5].map((r) => [1, 2, 3, 4, 5].map((f) => s.get('rfm', 'cells', `${r}:${f}`)));
    return {
      ...s.stamp(),
      period: s.period(query),
      asOfGrid: true as const,
      valueRunId: s.snapshot?.valueRunId ?? null,
      valueRunAsOf: s.snapshot?.valueRunAsOf ? s.snapshot.valueRunAsOf.toISOString() : null,
      members: grid.flat().reduce((sum, n) => sum + n, 0),
      grid,
    };
  }
}
