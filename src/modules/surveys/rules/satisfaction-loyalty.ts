/**
 * Satisfaction beside loyalty (the CRM texts' warning: satisfied is not
 * loyal), pure. Each respondent is put in a satisfaction band by their own
 * answers, and the band's members are measured by what they did:
 *
 * - band: by the respondent's own index (their rated answers, each scaled
 *   (score − 1) / 4 × 100, weighted as the survey weights them): `high` ≥ 80,
 *   `medium` 60–80, `low` < 60; without rated answers, by their recommend
 *   answer: promoters (9–10) high, passives (7–8) medium, detractors low.
 * - repeat-purchase rate: % of the band's members with 2 or more purchases in
 *   the period;
 * - churn: % of the band's members with no purchase in the CHURN_DAYS before
 *   the period's end.
 */
export const SATISFACTION_BANDS = ['high', 'medium', 'low'] as const;
export type SatisfactionBand = (typeof SATISFACTION_BANDS)[number];

export const CHURN_DAYS = 90;

export function respondentIndex(answers: ReadonlyArray<{ score: number; weight: number }>): number | null {
  const weights = answers.reduce((s, a) => s + a.weight, 0);
  if (weights === 0) {
    return null;
  }
  return answers.reduce((s, a) => s + ((a.score - 1) / 4) * 100 * a.weight, 0) / weights;
}

export function bandOf(index: number | null, recommend: number | null): SatisfactionBand | null {
  if (index !== null) {
    return index >= 80 ? 'high' : index >= 60 ? 'medium' : 'low';
  }
  if (recommend !== null) {
    return recommend >= 9 ? 'high' : recommend >= 7 ? 'medium' : 'low';
  }
  return null;
}

export interface MemberActivity {
  purchasesInPeriod: number;
  lastPurchaseAt: Date | null;
}

export function loyaltyOf(
  members: readonly MemberActivity[],
  periodEnd: Date,
): { members: number; repeatRate: number | null; churnRate: number | null } {
  if (members.length === 0) {
    return { members: 0, repeatRate: null, churnRate: null };
  }
  const since = periodEnd.getTime() - CHURN_DAYS * 86400_000;
  const repeaters = members.filter((m) => m.purchasesInPeriod >= 2).length;
  const churned = members.filter((m) => !m.lastPurchaseAt || m.lastPurchaseAt.getTime() < since).length;
  const pct = (n: number) => Math.round((n / members.length) * 1000) / 10;
  return { members: members.length, repeatRate: pct(repeaters), churnRate: pct(churned) };
}
