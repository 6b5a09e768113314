import { Injectable } from '@nestjs/common';
import { cumulativeShares, DEFAULT_GRADE_SHARES_PERCENT } from '../rules/value-settings-rule';
import { GradeSummary, Movement, ValueRepository } from '../value.repository';

export interface ValueRunSummary {
  grades: GradeSummary[];
  movements: Movement[];
}

/**
 * The value run's finalising step, over the whole population and set-based:
 * the grade cut-offs and the RFM quintile starts, then grades, RFM quintiles,
 * ranks and previous grades in one UPDATE, then the run's summary. Safe to
 * run twice: the previous grades are kept once per run, and the rest is
 * recomputed from the same figures.
 */
@Injectable()
export class FinalizeValueRunUseCase {
  constructor(private readonly repo: ValueRepository) {}

  async finalize(runId: string): Promise<{ graded: number }> {
    const run = await this.repo.findRun(runId);
    // The shares in force when the run started (value_runs), as the weights are.
    const shares = run
      ? cumulativeShares({ aPercent: run.gradeAPercent, bPercent: run.gradeBPercent })
      : cumulativeShares(DEFAULT_GRADE_SHARES_PERCENT);
    const cut = await this.repo.withWorkMemory(async (m) => {
      const cutoffs = await this.repo.cutoffs(m, shares);
      const starts = await this.repo.quintileStartValues(m, cutoffs.members);
      await this.repo.writeGrades(m, runId, cutoffs, starts);
      return cutoffs;
    });
    const summary: ValueRunSummary = { grades: await this.repo.gradeSummary(), movements: await this.repo.movements() };
    await this.repo.finishRun(
      runId,
      { members: cut.members, totalScore: cut.totalScore, cutoffs: { a: cut.a, b: cut.b }, summary: JSON.stringify(summary) },
      new Date(),
    );
    return { graded: cut.members };
  }
}
