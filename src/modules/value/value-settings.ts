import { ValueSettings } from './entities/value-settings.entity';
import { DEFAULT_GRADE_SHARES_PERCENT, GradeSharesPercent } from './rules/value-settings-rule';
import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS, ValueReference, ValueWeights } from './rules/value-score';

export function currentWeights(row: ValueSettings | null): ValueWeights {
  return row
    ? { spendPermille: row.weightSpendPermille, pointsPermille: row.weightPointsPermille, purchasesPermille: row.weightPurchasesPermille }
    : DEFAULT_WEIGHTS;
}

export function currentReference(row: ValueSettings | null): ValueReference {
  return row ? { spendCents: row.referenceSpendCents, points: row.referencePoints, purchases: row.referencePurchases } : DEFAULT_REFERENCE;
}

export function currentGradeShares(row: ValueSettings | null): GradeSharesPercent {
  return row ? { aPercent: row.gradeAPercent, bPercent: row.gradeBPercent } : DEFAULT_GRADE_SHARES_PERCENT;
}
