import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { memberValueNotComputed, noValueRun } from './value.errors';
import { ValueRepository } from './value.repository';
import { ValueRunSummary } from './use-cases/finalize-value-run.use-case';

export interface MemberValueView {
  memberId: string;
  score: number;
  grade: string | null;
  previousGrade: string | null;
  rfm: { r: number | null; f: number | null; m: number | null };
  rank: number | null;
  figures: { spendCents: number; points: number; purchases: number; lastPurchaseAt: string | null };
  runId: string;
  computedAt: string;
}

export interface PyramidView {
  runId: string;
  asOf: string;
  finishedAt: string;
  members: number;
  cutoffs: { a: number | null; b: number | null };
  weights: { spendPermille: number; pointsPermille: number; purchasesPermille: number };
  gradeShares: { aPercent: number; bPercent: number };
  grades: Array<{ grade: string; members: number; memberShare: number; spendCents: number; spendShare: number }>;
  movements: Array<{ from: string | null; to: string; members: number }>;
}

/** Share as a fraction with 4 decimals, from integers. */
function share(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.round((part * 10_000) / whole) / 10_000;
}

/** Reads of customer value: a member's value and the pyramid of the last finished run. */
@Injectable()
export class ValueService implements OnApplicationBootstrap {
  constructor(private readonly repo: ValueRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.repo.seedSettings(new Date());
  }

  async memberValue(memberId: string): Promise<MemberValueView> {
    const v = await this.repo.findMemberValue(memberId);
    if (!v) {
      throw memberValueNotComputed(memberId);
    }
    return {
      memberId: v.memberId,
      score: v.score,
      grade: v.grade,
      previousGrade: v.previousGrade,
      rfm: { r: v.r, f: v.f, m: v.m },
      rank: v.valueRank,
      figures: {
        spendCents: v.spend12m,
        points: v.points12m,
        purchases: v.purchases12m,
        lastPurchaseAt: v.lastPurchaseAt ? v.lastPurchaseAt.toISOString() : null,
      },
      runId: v.runId,
      computedAt: v.computedAt.toISOString(),
    };
  }

  async pyramid(): Promise<PyramidView> {
    const run = await this.repo.latestFinishedRun();
    if (!run || !run.finishedAt) {
      throw noValueRun();
    }
    const summary = JSON.parse(run.summary ?? '{"grades":[],"movements":[]}') as ValueRunSummary;
    const members = summary.grades.reduce((s, g) => s + g.members, 0);
    const spend = summary.grades.reduce((s, g) => s + g.spendCents, 0);
    const byGrade = new Map(summary.grades.map((g) => [g.grade, g]));
    return {
      runId: run.id,
      asOf: run.asOf.toISOString(),
      finishedAt: run.finishedAt.toISOString(),
      members,
      cutoffs: { a: run.cutoffA, b: run.cutoffB },
      weights: {
        spendPermille: run.weightSpendPermille,
        pointsPermille: run.weightPointsPermille,
        purchasesPermille: run.weightPurchasesPermille,
      },
      gradeShares: { aPercent: run.gradeAPercent, bPercent: run.gradeBPercent },
      grades: ['A', 'B', 'C'].map((grade) => {
        const g = byGrade.get(grade) ?? { members: 0, spendCents: 0 };
        return {
          grade,
          members: g.members,
          memberShare: share(g.members, members),
          spendCents: g.spendCents,
          spendShare: share(g.spendCents, spend),
        };
      }),
      movements: summary.movements,
    };
  }
}
