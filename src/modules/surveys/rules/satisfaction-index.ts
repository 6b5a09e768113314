/**
 * The satisfaction index and the promoter score, as the CRM texts teach,
 * pure and over answer distributions (how many answered each score), so the
 * same rule serves a survey, a store, a tier, a club or a month.
 *
 * Satisfaction index: each rated dimension is answered 5 (very satisfied) …
 * 1 (very dissatisfied). Its mean score is scaled to 0–100 so that 1 is 0 and
 * 5 is 100: scaled = (mean − 1) / 4 × 100. The index is the weighted mean of
 * the scaled dimensions: Σ(scaled × weight) / Σ weight, over the dimensions
 * that have at least one answer. Rounded to one decimal.
 *
 * Promoter score (NPS): of the answers to "how likely are you to recommend
 * us" (0–10), the percentage of promoters (9–10) minus the percentage of
 * detractors (0–6); passives (7–8) count only in the total. −100 … +100,
 * rounded to one decimal.
 */

/** Counts by score: { 5: 12, 4: 3, … }. */
export type Distribution = Readonly<Record<number, number>>;

export interface RatedDimension {
  weight: number;
  answers: Distribution;
}

export interface IndexResult {
  /** 0–100, one decimal; null without any rated answer. */
  index: number | null;
  /** Each dimension's mean (1–5) and scaled score (0–100), null when unanswered. */
  dimensions: Array<{ mean: number | null; scaled: number | null; answers: number }>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function answersIn(d: Distribution): number {
  return Object.values(d).reduce((s, n) => s + n, 0);
}

export function meanOf(d: Distribution): number | null {
  const n = answersIn(d);
  if (n === 0) {
    return null;
  }
  return Object.entries(d).reduce((s, [score, count]) => s + Number(score) * count, 0) / n;
}

export function satisfactionIndex(dimensions: readonly RatedDimension[]): IndexResult {
  let weighted = 0;
  let weights = 0;
  const out: IndexResult['dimensions'] = [];
  for (const d of dimensions) {
    const mean = meanOf(d.answers);
    const scaled = mean === null ? null : ((mean - 1) / 4) * 100;
    out.push({
      mean: mean === null ? null : Math.round(mean * 100) / 100,
      scaled: scaled === null ? null : round1(scaled),
      answers: answersIn(d.answers),
    });
    if (scaled !== null) {
      weighted += scaled * d.weight;
      weights += d.weight;
    }
  }
  return { index: weights === 0 ? null : round1(weighted / weights), dimensions: out };
}

export interface PromoterResult {
  /** −100 … 100, one decimal; null without answers. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  answers: number;
}

export function promoterScore(d: Distribution): PromoterResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [score, count] of Object.entries(d)) {
    const s = Number(score);
    if (s >= 9) {
      promoters += count;
    } else if (s >= 7) {
      passives += count;
    } else {
      detractors += count;
    }
  }
  const answers = promoters + passives + detractors;
  return {
    score: answers === 0 ? null : round1(((promoters - detractors) / answers) * 100),
    promoters,
    passives,
    detractors,
    answers,
  };
}

/** Responses per invitation, as a percentage with one decimal; null without invitations. */
export function responseRate(responses: number, invitations: number): number | null {
  return invitations <= 0 ? null : round1((responses / invitations) * 100);
}
