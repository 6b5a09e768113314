import { CHURN_WINDOWS, Figure } from './figures';

/**
 * One cell of the churn cube: members of one tier and grade whose last
 * purchase fell in one month, by how long they have been idle at the
 * snapshot's instant: 365 (no purchase for 365 days or more), 180, 90, or 0
 * (bought within 90 days, or joined less than 90 days ago without buying).
 */
export interface ChurnCell {
  tier: string;
  /** A, B, C, or '' when the member has no grade yet. */
  grade: string;
  /** 'YYYY-MM' of the last purchase, or '' when the member never bought. */
  month: string;
  idleDays: 0 | 90 | 180 | 365;
  members: number;
}

export interface ClubChurnCell {
  clubId: string;
  idleDays: 0 | 90 | 180 | 365;
  members: number;
}

export const NO_GRADE = 'none';
export const NEVER_BOUGHT = 'never';

/**
 * Rolls the cube up into the stored figures: the population (total, by tier,
 * by grade), and per window N the members idle for N days or more in total,
 * by tier, grade, month of last purchase and club; plus the members and the
 * members who bought within 90 days (the dashboard's "active").
 */
export function rollUpChurn(cells: ChurnCell[], clubCells: ClubChurnCell[]): Figure[] {
  const sums = new Map<string, number>();
  const add = (report: Figure['report'], series: string, label: string, n: number) => {
    const key = `${report}\u0000${series}\u0000${label}`;
    sums.set(key, (sums.get(key) ?? 0) + n);
  };
  for (const c of cells) {
    const grade = c.grade === '' ? NO_GRADE : c.grade;
    // Tier codes compare without case in the database (and the stored figure's key does too): 'vip' is VIP.
    const tier = c.tier.toUpperCase();
    add('members', 'totals', 'members', c.members);
    add('members', 'totals', 'active90', c.month !== '' && c.idleDays === 0 ? c.members : 0);
    add('churn', 'population', 'total', c.members);
    add('churn', 'population', `tier:${tier}`, c.members);
    add('churn', 'population', `grade:${grade}`, c.members);
    for (const days of CHURN_WINDOWS) {
      if (c.idleDays >= days) {
        add('churn', `churned.${days}`, 'total', c.members);
        add('churn', `churned.${days}`, `tier:${tier}`, c.members);
        add('churn', `churned.${days}`, `grade:${grade}`, c.members);
        add('churn', `churned.${days}`, `month:${c.month === '' ? NEVER_BOUGHT : c.month}`, c.members);
      }
    }
  }
  for (const c of clubCells) {
    add('churn', 'population', `club:${c.clubId}`, c.members);
    for (const days of CHURN_WINDOWS) {
      if (c.idleDays >= days) {
        add('churn', `churned.${days}`, `club:${c.clubId}`, c.members);
      }
    }
  }
  return [...sums.entries()].map(([key, value]) => {
    const [report, series, label] = key.split('\u0000');
    return { report: report as Figure['report'], series, label, value };
  });
}
