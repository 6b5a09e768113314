import { Injectable } from '@nestjs/common';
import { cumulativeShares, DEFAULT_GRADE_SHARES_PERCENT } from '../rules/value-settings-rule';
import { GradeSummary, Movement, ValueRepository } from '../value.repository';

export interface ValueRunSummary {
  grades: GradeSummary[];
  movements: Movement[];
}

/**
 * The value run's finalising step, over the whole population and set-based:
 * the grade cut-offs, then grades, RFM quintiles and ranks in one UPDATE,
 * then the run's summary. Safe to run twice: the previous grades are kept once
 * per run, and the rest is recomputed from the same figures.
 */
@Injectable()
export class FinalizeValueRunUseCase {
  constructor(private readonly repo: ValueRepository) {}

  async execute(runId: string): Promise<{ graded: number }> {
    const run = await this.repo.findRun(runId);
    // The shares in force when the run started (value_runs), as the weights are.
    const cut = await this.repo.cutoffs(
      run ? cumulativeShares({ aPercent: run.gradeAPercent, bPercent: run.gradeBPercent }) : cumulativeShares(DEFAULT_GRADE_SHARES_PERCENT),
    );
    await this.repo.keepPreviousGrades(runId);
    await this.repo.writeGrades(runId, cut, cut.members);
    const summary: ValueRunSummary = { grades: await this.repo.gradeSummary(), movements: await this.repo.movements() };
    await this.repo.finishRun(
      runId,
      { members: cut.members, totalScore: cut.totalScore, cutoffs: { a: cut.a, b: cut.b }, summary: JSON.stringify(summary) },
      new Date(),
    );
    return { graded: cut.members };
  }
}
