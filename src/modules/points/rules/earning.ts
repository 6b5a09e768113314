/** Earning rules: pure functions, no I/O. */

export interface EarningLine {
  category: string;
  amountCents: number;
}

export interface BreakdownRow {
  rule: string;
  points: number;
  /** Campaign rows name their campaign. */
  campaignId?: string;
  name?: string;
}

export interface EarningInput {
  lines: EarningLine[];
  excludedCategories: ReadonlySet<string>;
  /** One base point per this many cents of eligible spend. */
  centsPerPoint: number;
  /** The multiplier of the tier the member holds when the purchase arrives, in thousandths (1500 = 1.5x). */
  tierMultiplierPermille: number;
}

export interface EarningResult {
  eligibleCents: number;
  lineEligible: boolean[];
  basePoints: number;
  pointsEarned: number;
  breakdown: BreakdownRow[];
}

export function isEligibleCategory(category: string, excluded: ReadonlySet<string>): boolean {
  return !excluded.has(category.toLowerCase());
}

/**
 * base = floor(eligibleCents / centsPerPoint), rounded down per transaction;
 * tier = floor(base × (multiplier − 1)) as its own breakdown row.
 */
export function computeEarning(input: EarningInput): EarningResult {
  const lineEligible = input.lines.map((l) => isEligibleCategory(l.category, input.excludedCategories));
  const eligibleCents = input.lines.reduce((sum, l, i) => (lineEligible[i] ? sum + l.amountCents : sum), 0);
  const basePoints = Math.floor(eligibleCents / input.centsPerPoint);
  const breakdown: BreakdownRow[] = [{ rule: 'base', points: basePoints }];
  let pointsEarned = basePoints;
  if (input.tierMultiplierPermille !== 1000) {
    const tierBonus = Number((BigInt(basePoints) * BigInt(input.tierMultiplierPermille - 1000)) / 1000n);
    breakdown.push({ rule: 'tier', points: tierBonus });
    pointsEarned += tierBonus;
  }
  return { eligibleCents, lineEligible, basePoints, pointsEarned, breakdown };
}
