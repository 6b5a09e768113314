/**
 * Every kind of tier criterion, keyed by its `type`, in the order tiers list
 * them. A new kind is a new `*.criterion.ts` file (with its spec) and one line
 * here; a kind that needs a threshold column of its own also adds that
 * column (entity, migration, ladder DTO field).
 */
import { pointsEarned } from './points-earned.criterion';
import { purchaseCount } from './purchase-count.criterion';
import { qualifyingSpend } from './qualifying-spend.criterion';
import { TierCriterionKind } from './tier-criterion';

export const TIER_CRITERIA = {
  qualifyingSpend,
  pointsEarned,
  purchaseCount,
} as const;

type Kinds = typeof TIER_CRITERIA;
type Kind = Kinds[keyof Kinds];

/** A criterion as rules/explain sends it: the discriminated union { type, min }. */
export type TierCriterion = { [K in keyof Kinds]: { type: Kinds[K]['type']; min: number } }[keyof Kinds];
export type CriterionType = TierCriterion['type'];
/** The tier fields holding thresholds (minSpendCents, …). */
export type ThresholdField = Kind['field'];
/** A tier's thresholds, by field; null: the tier does not ask that criterion. */
export type TierThresholds = { [F in ThresholdField]: number | null };
/** The member page's names of the criteria (spend, points, purchases). */
export type CriterionGapName = Kind['gapName'];

// Each kind is listed under its own type (a mismatch names the key here).
type Misfiled = { [K in keyof Kinds]: Kinds[K]['type'] extends K ? never : K }[keyof Kinds];
const keyedByType: [Misfiled] extends [never] ? true : Misfiled = true;
void keyedByType;

export const CRITERION_KINDS: Array<TierCriterionKind<CriterionType, ThresholdField, CriterionGapName>> = Object.values(TIER_CRITERIA);
export const CRITERION_TYPES = CRITERION_KINDS.map((k) => k.type);

export function isCriterionType(type: unknown): type is CriterionType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(TIER_CRITERIA, type);
}

export function criterionKind(type: CriterionType): TierCriterionKind<CriterionType, ThresholdField, CriterionGapName> {
  return TIER_CRITERIA[type];
}
