/** The rewards and coupons screens' view logic: pure helpers over the portal's answers (GET rewards, GET me/coupons). */
import type { Lang } from '../shared/i18n';
import type { CatalogItem, Coupon, MyCoupons, RewardKind } from './queries';

/** The reward's (or coupon's) name in the page's language. */
export function rewardName(r: { nameZh: string; nameEn: string }, lang: Lang): string {
  return (lang === 'zh-CN' ? r.nameZh : r.nameEn) || r.nameEn || r.nameZh;
}

/** The reward's description in the page's language, the other one when it has only that, else null. */
export function rewardDescription(r: { descriptionZh: string | null; descriptionEn: string | null }, lang: Lang): string | null {
  return (lang === 'zh-CN' ? r.descriptionZh : r.descriptionEn) || r.descriptionEn || r.descriptionZh || null;
}

/** The catalog's filters: only what I can exchange now (enough points, nothing else in the way), and one kind or all. */
export interface CatalogFilter {
  affordable: boolean;
  kind: RewardKind | 'all';
}

/**
 * Whether the member can have it now: enough points and nothing else in the way (stock, limit, tier, club, sale).
 * A reward the member has the points for but may not exchange (sold out, limit reached) is not "affordable now".
 */
export function affordableNow(item: Pick<CatalogItem, 'exchangeable' | 'pointsPrice'>, availablePoints: number): boolean {
  return item.exchangeable && item.pointsPrice <= availablePoints;
}

/** The catalog items the filter lets through, in the catalog's order (the server sends them cheapest first). */
export function filterCatalog<T extends Pick<CatalogItem, 'exchangeable' | 'pointsPrice' | 'kind'>>(
  items: T[],
  availablePoints: number,
  filter: CatalogFilter,
): T[] {
  return items.filter(
    (i) => (!filter.affordable || affordableNow(i, availablePoints)) && (filter.kind === 'all' || i.kind === filter.kind),
  );
}

/**
 * The home screen's strip: up to `max` rewards the member can exchange now, the dearest first (the most their points
 * buy today), ties in the catalog's order.
 */
export function affordableStrip<T extends Pick<CatalogItem, 'exchangeable' | 'pointsPrice'>>(
  items: T[],
  availablePoints: number,
  max = 6,
): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => affordableNow(item, availablePoints))
    .sort((a, b) => b.item.pointsPrice - a.item.pointsPrice || a.i - b.i)
    .map(({ item }) => item)
    .slice(0, max);
}

/** The kinds that occur in the catalog, in a fixed order (the filter offers only those). */
export function kindsIn(items: Array<{ kind: RewardKind }>): RewardKind[] {
  const order: RewardKind[] = ['amount_off', 'percent_off', 'gift'];
  return order.filter((k) => items.some((i) => i.kind === k));
}

/** The points a member is short of for a reward (0 when they have enough). */
export function pointsShort(item: Pick<CatalogItem, 'pointsPrice'>, availablePoints: number): number {
  return Math.max(0, item.pointsPrice - availablePoints);
}

export type CouponState = 'active' | 'used' | 'expired' | 'void';

/** A coupon's state as the member sees it at `now`: an active coupon past its validity is expired (the daily job may not have run). */
export function couponState(c: Pick<Coupon, 'status' | 'validUntil'>, now: number): CouponState {
  if (c.status === 'redeemed') {
    return 'used';
  }
  if (c.status === 'void') {
    return 'void';
  }
  if (c.status === 'expired' || Date.parse(c.validUntil) <= now) {
    return 'expired';
  }
  return 'active';
}

/**
 * My coupons in the order the screen shows them: the usable ones first (soonest to end first, so nothing is
 * forgotten), then the used ones (last used first), then the expired and voided ones (last ended first). Whatever
 * list the server put a coupon in, its state at `now` decides (an active coupon can pass its end while the page is open).
 */
export function couponSections(mine: MyCoupons, now: number): { active: Coupon[]; used: Coupon[]; ended: Coupon[] } {
  const all = [...mine.active, ...mine.used, ...mine.expired];
  const seen = new Set<string>();
  const unique = all.filter((c) => !seen.has(c.couponId) && seen.add(c.couponId));
  const by = (state: CouponState[]) => unique.filter((c) => state.includes(couponState(c, now)));
  const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);
  return {
    active: by(['active']).sort((a, b) => time(a.validUntil) - time(b.validUntil) || a.code.localeCompare(b.code)),
    used: by(['used']).sort((a, b) => time(b.redeemedAt) - time(a.redeemedAt) || a.code.localeCompare(b.code)),
    ended: by(['expired', 'void']).sort((a, b) => time(b.validUntil) - time(a.validUntil) || a.code.localeCompare(b.code)),
  };
}

/** Whole days left until the coupon ends (0 on its last day, counted by the clock, not the calendar). */
export function daysLeft(validUntil: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(validUntil) - now) / 86_400_000));
}

/** The coupon code in groups of four for reading aloud at the till: K7MX 3QH9 TD2W R8PA. */
export function formatCouponCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Whether the page may show a reward's picture: an https address or one of this site (the page's content policy
 * allows those; an http picture would be mixed content on the https page).
 */
export function showableImage(url: string | null): string | null {
  if (!url) {
    return null;
  }
  return /^https:\/\//i.test(url) || /^\/(?!\/)/.test(url) ? url : null;
}

export type Blocker = CatalogItem['blockers'][number];
const BLOCKERS: readonly Blocker[] = ['not_on_sale', 'points', 'stock', 'limit', 'tier', 'club'];

/**
 * Why an exchange was refused, from the error's details (REWARD_NOT_AVAILABLE and INSUFFICIENT_POINTS name the
 * blocker in details[0].reason), so the page can say it in the member's words; null when it names none.
 */
export function refusalReason(err: unknown): Blocker | null {
  const details = (err as { details?: unknown } | null)?.details;
  const reason = Array.isArray(details) ? (details[0] as { reason?: unknown } | undefined)?.reason : undefined;
  return typeof reason === 'string' && (BLOCKERS as readonly string[]).includes(reason) ? (reason as Blocker) : null;
}

/**
 * Whether an exchange's outcome is unknown after this error, so the retry must send the same idempotency key (a lost
 * answer, a timeout, a 5xx: the server may have exchanged; the same key then answers that first coupon instead of
 * buying a second). A 4xx answer is a definite refusal: the next try is a new exchange with a new key.
 */
export function outcomeUnknown(err: unknown): boolean {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status >= 500;
}
