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

/**
 * A mobile number as the member types it, in E.164: an 11-digit mainland number (13800138000, with spaces or
 * dashes) gets +86; 86… and 0086… too; a number with its own + is kept. Null when it is not a phone number.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s\-()（）]/g, '');
  const mainland = /^(?:\+?86|0086)?(1[3-9]\d{9})$/.exec(compact);
  if (mainland) {
    return `+86${mainland[1]}`;
  }
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

/** A month key "2026-11" of a time in the browser's zone (history is grouped by the month things happened). */
export function monthOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Items grouped by the month they happened, newest month first; within a month newest first (ties: as given). */
export function groupByMonth<T extends { occurredAt: string }>(items: T[]): Array<{ month: string; items: T[] }> {
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => b.item.occurredAt.localeCompare(a.item.occurredAt) || a.i - b.i);
  const groups: Array<{ month: string; items: T[] }> = [];
  for (const { item } of sorted) {
    const month = monthOf(item.occurredAt);
    const last = groups[groups.length - 1];
    if (last?.month === month) {
      last.items.push(item);
    } else {
      groups.push({ month, items: [item] });
    }
  }
  return groups;
}

/**
 * Which code of a member-code answer to show now: the one whose showFrom…showUntil holds at the server's time,
 * reckoned as the phone's clock plus the offset measured when the answer came (serverTime − the phone's time then).
 */
export function currentCode<T extends { showFrom: string; showUntil: string }>(codes: T[], phoneNow: number, offsetMs: number): T | null {
  const now = phoneNow + offsetMs;
  return codes.find((c) => Date.parse(c.showFrom) <= now && now < Date.parse(c.showUntil)) ?? null;
}
