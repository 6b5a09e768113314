/**
 * Edits of the tier ladder as the console makes them (pure, no React): a tier's kind, its criteria, its seats, and
 * the benefits and criteria in words. The server (PUT admin/tiers) is the judge of a ladder; these only keep an edited
 * tier in a shape it accepts (a threshold tier has no seats, a rank tier exactly one kind of seat).
 */

export interface EditableTier {
  code: string;
  nameEn: string;
  nameZh: string;
  kind: 'threshold' | 'rank';
  minSpendCents: number | null;
  minPoints: number | null;
  minPurchases: number | null;
  qualifyMode: 'any' | 'all';
  earnMultiplierPermille: number;
  birthdayBonusPoints: number;
  priorityService: boolean;
  rankTopN: number | null;
  rankTopPermille: number | null;
}

export type CriterionField = 'minSpendCents' | 'minPoints' | 'minPurchases';
export const CRITERION_FIELDS: readonly CriterionField[] = ['minSpendCents', 'minPoints', 'minPurchases'];

/** Switches a tier between threshold and rank; a rank tier starts as the top 100 members. */
export function withKind<T extends EditableTier>(tier: T, kind: 'threshold' | 'rank'): T {
  if (kind === tier.kind) {
    return tier;
  }
  return kind === 'rank'
    ? { ...tier, kind, rankTopN: tier.rankTopN ?? (tier.rankTopPermille === null ? 100 : null) }
    : { ...tier, kind, rankTopN: null, rankTopPermille: null };
}

/** Rank seats: the top N members, or the top share in thousandths; exactly one is set. */
export function withSeats<T extends EditableTier>(tier: T, mode: 'topN' | 'permille', value: number | null): T {
  return mode === 'topN' ? { ...tier, rankTopN: value, rankTopPermille: null } : { ...tier, rankTopN: null, rankTopPermille: value };
}

export function seatMode(tier: EditableTier): 'topN' | 'permille' {
  return tier.rankTopPermille !== null ? 'permille' : 'topN';
}

/** A new tier to put at the top of the ladder: a threshold above the highest threshold's spend, same earn rate. */
export function newTier(ladder: readonly EditableTier[]): EditableTier {
  const top = ladder[ladder.length - 1];
  const highestSpend = Math.max(0, ...ladder.map((t) => t.minSpendCents ?? 0));
  let n = ladder.length + 1;
  while (ladder.some((t) => t.code === `TIER${n}`)) {
    n++;
  }
  return {
    code: `TIER${n}`,
    nameEn: `Tier ${n}`,
    nameZh: `等级${n}`,
    kind: 'threshold',
    minSpendCents: highestSpend + 1_000_000,
    minPoints: null,
    minPurchases: null,
    qualifyMode: 'any',
    earnMultiplierPermille: top?.earnMultiplierPermille ?? 1000,
    birthdayBonusPoints: 0,
    priorityService: false,
    rankTopN: null,
    rankTopPermille: null,
  };
}

export interface TierWords {
  spend: (yuan: string) => string;
  points: (n: number) => string;
  purchases: (n: number) => string;
  any: string;
  all: string;
  topN: (n: number) => string;
  topShare: (percent: string) => string;
  among: (seats: string, criteria: string) => string;
  entry: string;
  earns: (x: string) => string;
  birthday: (n: number) => string;
  priority: string;
  separator: string;
}

function criteriaWords(tier: EditableTier, w: TierWords, yuan: (cents: number) => string): string[] {
  const parts: string[] = [];
  if (tier.minSpendCents !== null) {
    parts.push(w.spend(yuan(tier.minSpendCents)));
  }
  if (tier.minPoints !== null) {
    parts.push(w.points(tier.minPoints));
  }
  if (tier.minPurchases !== null) {
    parts.push(w.purchases(tier.minPurchases));
  }
  return parts;
}

/** Who reaches the tier, in words: "spent at least ¥5,000 or 12 purchases", "the top 1% … among those who …". */
export function reachInWords(tier: EditableTier, index: number, w: TierWords, yuan: (cents: number) => string): string {
  if (index === 0) {
    return w.entry;
  }
  const criteria = criteriaWords(tier, w, yuan).join(tier.qualifyMode === 'all' ? w.all : w.any);
  if (tier.kind === 'threshold') {
    return criteria;
  }
  const seats = tier.rankTopPermille !== null ? w.topShare(String(tier.rankTopPermille / 10)) : w.topN(tier.rankTopN ?? 0);
  return criteria === '' ? seats : w.among(seats, criteria);
}

/** The tier's benefits, in words: earn rate, birthday points, priority service. */
export function benefitsInWords(tier: EditableTier, w: TierWords): string {
  const parts = [w.earns(String(tier.earnMultiplierPermille / 1000))];
  if (tier.birthdayBonusPoints > 0) {
    parts.push(w.birthday(tier.birthdayBonusPoints));
  }
  if (tier.priorityService) {
    parts.push(w.priority);
  }
  return parts.join(w.separator);
}

/**
 * Whether tier `index` may move one place up (+1, towards the top) or down (-1) as PUT admin/tiers allows an order
 * (LADDER_ORDER_INVALID): the entry tier stays first (nothing moves into or out of place 0), and no move puts a
 * threshold tier above a rank tier (a threshold tier added above the rank tiers may still move down past them).
 * Criteria are the what-if's to judge: a tier moved keeps its criteria, which may then need editing.
 */
export function canMove(ladder: readonly EditableTier[], index: number, direction: 1 | -1): boolean {
  const other = index + direction;
  if (index <= 0 || other <= 0 || other >= ladder.length) {
    return false;
  }
  const [lower, upper] = direction === 1 ? [ladder[other], ladder[index]] : [ladder[index], ladder[other]];
  return !(lower.kind === 'rank' && upper.kind === 'threshold');
}

/** The list with the item at `index` and its neighbour in `direction` swapped (the ladder, and anything kept per tier). */
export function moved<T>(list: readonly T[], index: number, direction: 1 | -1): T[] {
  const next = [...list];
  [next[index], next[index + direction]] = [next[index + direction], next[index]];
  return next;
}

/** Whether the ladder's order differs from the saved one's (tiers added or left out aside). */
export function isReordered(saved: readonly { code: string }[], ladder: readonly { code: string }[]): boolean {
  const savedCodes = saved.map((t) => t.code);
  const kept = ladder.map((t) => t.code).filter((code) => savedCodes.includes(code));
  const before = savedCodes.filter((code) => kept.includes(code));
  return kept.some((code, i) => code !== before[i]);
}

export interface TierMove {
  code: string;
  movingUp: number;
  movingDown: number;
}

/** The what-if's tiers that members would move into, for the save's confirmation; and how many move in all. */
export function movesOf(tiers: readonly TierMove[]): { moves: TierMove[]; total: number } {
  const moves = tiers.filter((t) => t.movingUp > 0 || t.movingDown > 0);
  return { moves, total: moves.reduce((s, t) => s + t.movingUp + t.movingDown, 0) };
}
