import { Injectable } from '@nestjs/common';
import { qualifyingWindowStart } from '../../tiers/rules/tier-qualification';
import { monthKey } from '../../points/rules/monthly-stats';
import { ValueReference, valueScoreSql, ValueWeights } from '../rules/value-score';
import { ValueRepository } from '../value.repository';

/** The value window: 12 calendar months (UTC) up to asOf's month, like the tiers' qualifying window. */
export const VALUE_WINDOW_MONTHS = 12;

/**
 * One range part of a value run: every member of the range gets its 12-month
 * figures and score, in one INSERT … SELECT (no row passes through the
 * process). Safe to run twice: the same asOf gives the same rows.
 */
@Injectable()
export class ComputeValueRangeUseCase {
  constructor(private readonly repo: ValueRepository) {}

  async compute(
    runId: string,
    range: { fromId: string; toId: string | null },
    asOf: Date,
    weights: ValueWeights,
    reference: ValueReference,
  ): Promise<{ members: number; purchasers: number }> {
    return this.repo.computeRange(
      runId,
      range,
      { start: qualifyingWindowStart(asOf, VALUE_WINDOW_MONTHS), end: monthKey(asOf) },
      asOf,
      valueScoreSql({ spend: 'f.spend', points: 'f.points', purchases: 'f.purchases' }, weights, reference),
      new Date(),
    );
  }
}
