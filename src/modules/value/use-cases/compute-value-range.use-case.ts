import { Injectable } from '@nestjs/common';
import { monthKey, qualifyingWindowStart } from '../../tiers/rules/tier-qualification';
import { ValueReference, valueScore, ValueWeights } from '../rules/value-score';
import { ValueRepository } from '../value.repository';

/** The value window: 12 calendar months (UTC) up to asOf's month, like the tiers' qualifying window. */
export const VALUE_WINDOW_MONTHS = 12;

/**
 * One range part of a value run: every member of the range gets its 12-month
 * figures and score. Safe to run twice: the same asOf gives the same rows.
 */
@Injectable()
export class ComputeValueRangeUseCase {
  constructor(private readonly repo: ValueRepository) {}

  async execute(
    runId: string,
    range: { fromId: string; toId: string | null },
    asOf: Date,
    weights: ValueWeights,
    reference: ValueReference,
  ): Promise<{ members: number; purchasers: number }> {
    const figures = await this.repo.figuresOfRange(
      range.fromId,
      range.toId,
      qualifyingWindowStart(asOf, VALUE_WINDOW_MONTHS),
      monthKey(asOf),
      asOf,
    );
    const rows = figures.map((f) => ({ memberId: f.memberId, score: valueScore(f, weights, reference), figures: f }));
    await this.repo.upsertFigures(runId, rows, new Date());
    return { members: rows.length, purchasers: figures.filter((f) => f.purchases > 0).length };
  }
}
