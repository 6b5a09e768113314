/** Validation of the value settings an admin proposes. Pure. */
import { ValueReference, ValueWeights } from './value-score';

/** Shares of value in percent: A brings the first `aPercent`, B the next `bPercent`, C the rest. */
export interface GradeSharesPercent {
  aPercent: number;
  bPercent: number;
}

export const DEFAULT_GRADE_SHARES_PERCENT: GradeSharesPercent = { aPercent: 80, bPercent: 15 };

export interface ValueSettingsProposal {
  weights: ValueWeights;
  reference: ValueReference;
  grades: GradeSharesPercent;
}

export interface ValueSettingsProblem {
  field: string;
  message: string;
}

/**
 * Field limits are the DTO's; these are the rules across fields:
 * - at least one weight is above zero, or every member would score 0 and be C;
 * - A's share is at least 1% and A and B together at most 100% (C may be only
 *   the members with no value at all).
 */
export function valueSettingsProblems(p: ValueSettingsProposal): ValueSettingsProblem[] {
  const problems: ValueSettingsProblem[] = [];
  if (p.weights.spendPermille + p.weights.pointsPermille + p.weights.purchasesPermille <= 0) {
    problems.push({
      field: 'weights',
      message: 'at least one of spendPermille, pointsPermille, purchasesPermille must be above 0, or every member would score 0',
    });
  }
  if (p.grades.aPercent < 1) {
    problems.push({ field: 'grades.aPercent', message: 'grade A must bring at least 1% of value' });
  }
  if (p.grades.aPercent + p.grades.bPercent > 100) {
    problems.push({
      field: 'grades.bPercent',
      message: `grades A and B would bring ${p.grades.aPercent + p.grades.bPercent}% of value; together they can bring at most 100%`,
    });
  }
  return problems;
}

/** The cumulative shares gradeCutoffs() takes: A up to a, B up to a + b. */
export function cumulativeShares(g: GradeSharesPercent): { a: number; b: number } {
  return { a: g.aPercent, b: g.aPercent + g.bPercent };
}
