import { Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../analytics.repository';
import { SnapshotFigures } from './snapshot-figures';

/** The R×F heat map: members per recency (1–5) and frequency (1–5) score of the last value run. */
@Injectable()
export class GetRfmUseCase {
  constructor(private readonly repo: AnalyticsRepository) {}

  async get() {
    const s = await SnapshotFigures.load(this.repo, ['rfm']);
    const grid = [1, 2, 3, 4, 5].map((r) => [1, 2, 3, 4, 5].map((f) => s.get('rfm', 'cells', `${r}:${f}`)));
    return {
      ...s.stamp(),
      valueRunId: s.snapshot?.valueRunId ?? null,
      valueRunAsOf: s.snapshot?.valueRunAsOf ? s.snapshot.valueRunAsOf.toISOString() : null,
      members: grid.flat().reduce((sum, n) => sum + n, 0),
      grid,
    };
  }
}
