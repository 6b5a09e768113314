/** The value score: pure functions, no I/O. */

/** Weights in thousandths; they need not add up to 1000 (the score is relative). */
export interface ValueWeights {
  spendPermille: number;
  pointsPermille: number;
  purchasesPermille: number;
}

/**
 * What counts as "1.0" of each figure. Figures are normalised against fixed
 * reference values, not against the population (its maximum or mean), so a
 * member's score changes only when the member's own figures or the settings do.
 */
export interface ValueReference {
  spendCents: number;
  points: number;
  purchases: number;
}

/** A member's 12-month figures. Spend is purchases minus refunds and may be negative after refunds of older receipts. */
export interface ValueFigures {
  spendCents: number;
  points: number;
  purchases: number;
}

export const DEFAULT_WEIGHTS: ValueWeights = { spendPermille: 600, pointsPermille: 200, purchasesPermille: 200 };
/** ¥10,000 of spend, 10,000 points and 24 purchases a year each count as one unit. */
export const DEFAULT_REFERENCE: ValueReference = { spendCents: 1_000_000, points: 10_000, purchases: 24 };

/** Points of score per unit of a figure at weight 1000‰: a member at exactly the reference figures scores 1,000,000 with the default weights. */
export const SCORE_SCALE = 1000;

/**
 * score = Σ floor(weight‰ × max(0, figure) × SCORE_SCALE / reference), each
 * term rounded down on its own; exact integer arithmetic (BigInt), so the
 * score is deterministic whatever the magnitudes.
 */
export function valueScore(figures: ValueFigures, weights: ValueWeights, reference: ValueReference): number {
  const term = (figure: number, weight: number, ref: number): bigint => {
    if (ref <= 0 || weight <= 0 || figure <= 0) {
      return 0n;
    }
    return (BigInt(weight) * BigInt(figure) * BigInt(SCORE_SCALE)) / BigInt(ref);
  };
  const score =
    term(figures.spendCents, weights.spendPermille, reference.spendCents) +
    term(figures.points, weights.pointsPermille, reference.points) +
    term(figures.purchases, weights.purchasesPermille, reference.purchases);
  return Number(score);
}

/**
 * The same score as an SQL expression over three figure columns (the value
 * run's range statement computes it where the figures are summed): each term
 * is floor(weight‰ × figure × SCORE_SCALE / reference) in exact DECIMAL
 * arithmetic (DIV truncates, and the operands are positive), and a term whose
 * figure, weight or reference is 0 or less counts 0, as in valueScore().
 */
export function valueScoreSql(
  columns: { spend: string; points: string; purchases: string },
  weights: ValueWeights,
  reference: ValueReference,
): { sql: string; params: number[] } {
  const terms: string[] = [];
  const params: number[] = [];
  const term = (column: string, weight: number, ref: number) => {
    if (ref > 0 && weight > 0) {
      terms.push(`CASE WHEN ${column} > 0 THEN (CAST(${column} AS DECIMAL(65, 0)) * ? * ${SCORE_SCALE}) DIV ? ELSE 0 END`);
      params.push(weight, ref);
    }
  };
  term(columns.spend, weights.spendPermille, reference.spendCents);
  term(columns.points, weights.pointsPermille, reference.points);
  term(columns.purchases, weights.purchasesPermille, reference.purchases);
  return { sql: terms.length === 0 ? '0' : terms.join(' + '), params };
}
