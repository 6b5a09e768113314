import { ValueSettings } from './entities/value-settings.entity';
import { DEFAULT_REFERENCE, DEFAULT_WEIGHTS, ValueReference, ValueWeights } from './rules/value-score';

export function currentWeights(row: ValueSettings | null): ValueWeights {
  return row
    ? { spendPermille: row.weightSpendPermille, pointsPermille: row.weightPointsPermille, purchasesPermille: row.weightPurchasesPermille }
    : DEFAULT_WEIGHTS;
}

export function currentReference(row: ValueSettings | null): ValueReference {
  return row ? { spendCents: row.referenceSpendCents, points: row.referencePoints, purchases: row.referencePurchases } : DEFAULT_REFERENCE;
}
