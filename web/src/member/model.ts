/** The member page's view logic: pure helpers over the portal's answers (their types: ./queries, from the server's schema). */
import type { Lang } from '../shared/i18n';
import type { ExpiringMonth, TierGoal } from './queries';

/** The tier's name in the page's language. */
export function tierName(tier: { code: string; name?: string; nameZh?: string }, lang: Lang): string {
  return (lang === 'zh-CN' ? tier.nameZh : tier.name) || tier.name || tier.code;
}

/** A club's name in the page's language. */
export function clubName(club: { name: string; nameEn: string }, lang: Lang): string {
  return (lang === 'en' ? club.nameEn : club.name) || club.name;
}

/**
 * How far along a goal is, 0..100 (whole percent): with "any" the best criterion counts (one is enough),
 * with "all" the weakest one does. A met goal is 100; a goal without criteria is 0.
 */
export function goalPercent(goal: Pick<TierGoal, 'qualifyMode' | 'criteria' | 'met'>): number {
  if (goal.met) {
    return 100;
  }
  if (goal.criteria.length === 0) {
    return 0;
  }
  const shares = goal.criteria.map((c) => (c.required <= 0 ? 1 : Math.min(1, Math.max(0, c.current / c.required))));
  const share = goal.qualifyMode === 'all' ? Math.min(...shares) : Math.max(...shares);
  return Math.min(99, Math.floor(share * 100)); // not met: never shown as 100%
}

/** A UTC month "2026-11" as the language names it: "Nov 2026" / "2026年11月". */
export function formatMonth(month: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) {
    return month;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** A date (no time) in the browser's zone: "Mar 2, 2027" / "2027年3月2日". */
export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { dateStyle: 'medium' }).format(new Date(iso));
}

/** A 16-digit card number in groups of four, as printed on the card. */
export function formatCardNo(cardNo: string): string {
  return cardNo.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** Points with an explicit sign for history lines: +150, −500 (a true minus sign), 0. */
export function signedPoints(points: number, format: (n: number) => string): string {
  if (points > 0) {
    return `+${format(points)}`;
  }
  if (points < 0) {
    return `\u2212${format(-points)}`;
  }
  return format(0);
}

/** The months with points expiring, in order; empty months left out. */
export function expiringSoon(months: ExpiringMonth[]): ExpiringMonth[] {
  return months.filter((m) => m.points > 0).sort((a, b) => a.month.localeCompare(b.month));
}
