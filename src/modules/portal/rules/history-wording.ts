/**
 * A ledger entry as a member reads it: what happened, in words, with the
 * store, the receipt and the points by rule. Pure. Only the member's own
 * facts appear: no staff names or emails, no other member's id, no free text
 * typed by staff.
 */

export interface LedgerFact {
  entryId: number;
  type: string;
  points: number;
  balanceAfter: number;
  refType: string;
  refId: string;
  createdAt: Date;
}

/** What the entry refers to, looked up by the caller. */
export interface EntryContext {
  storeName?: string | null;
  receiptNo?: string | null;
  refundNo?: string | null;
  redemptionNo?: string | null;
  discountCents?: number | null;
  totalCents?: number | null;
  /** When the purchase took place at the till. */
  occurredAt?: Date | null;
  /** The purchase's breakdown as the POS answered it. */
  breakdown?: Array<{ rule: string; points: number; name?: string | null }>;
  campaignName?: string | null;
  /** The lot an expiry entry closed: when its points were earned. */
  earnedAt?: Date | null;
  /** The reward a reward_exchange or reward_return entry is for (zh-CN / English names). */
  rewardName?: string | null;
}

export type HistoryKind =
  | 'purchase'
  | 'refund'
  | 'redemption'
  | 'redemption_cancel'
  | 'bonus'
  | 'expiry'
  | 'adjustment'
  | 'transfer'
  | 'opening_balance'
  | 'reward'
  | 'reward_return'
  | 'goodwill';

export interface HistoryItem {
  entryId: number;
  kind: HistoryKind;
  /** One line for the screen. */
  title: string;
  points: number;
  balanceAfter: number;
  storeName: string | null;
  receiptNo: string | null;
  /** The purchase's total (purchases only; null otherwise). */
  amountCents: number | null;
  /** The campaign a bonus came from (bonus entries of a campaign; null otherwise). */
  campaignName: string | null;
  /** Points by rule: base, tier, campaign with the campaign's name (purchases only; empty otherwise). */
  breakdown: Array<{ rule: string; label: string; name: string | null; points: number }>;
  /** When it was posted to the ledger. */
  at: string;
  /** When it happened: a purchase's time at the till (an offline receipt posted later keeps its day), else the posting. */
  occurredAt: string;
}

const RULE_LABEL: Record<string, string> = { base: 'Base points', tier: 'Tier bonus', campaign: 'Campaign bonus' };

export function describeEntry(fact: LedgerFact, ctx: EntryContext): HistoryItem {
  const base = {
    entryId: fact.entryId,
    points: fact.points,
    balanceAfter: fact.balanceAfter,
    storeName: ctx.storeName ?? null,
    receiptNo: ctx.receiptNo ?? null,
    amountCents: null as number | null,
    campaignName: null as string | null,
    breakdown: [] as HistoryItem['breakdown'],
    at: fact.createdAt.toISOString(),
    occurredAt: (ctx.occurredAt ?? fact.createdAt).toISOString(),
  };
  const at = ctx.storeName ? ` at ${ctx.storeName}` : '';
  const receipt = ctx.receiptNo ? `, receipt ${ctx.receiptNo}` : '';
  switch (fact.type) {
    case 'accrual':
      return {
        ...base,
        kind: 'purchase',
        amountCents: ctx.totalCents ?? null,
        title: `Purchase${at}${receipt}${ctx.totalCents !== null && ctx.totalCents !== undefined ? ` (${money(ctx.totalCents)})` : ''}: ${fact.points} points earned`,
        breakdown: (ctx.breakdown ?? []).map((b) => ({
          rule: b.rule,
          label: b.rule === 'campaign' && b.name ? `Campaign bonus: ${b.name}` : (RULE_LABEL[b.rule] ?? b.rule),
          name: b.rule === 'campaign' ? (b.name ?? null) : null,
          points: b.points,
        })),
      };
    case 'refund_clawback':
      return {
        ...base,
        kind: 'refund',
        title: `Refund${at}${receipt}${ctx.refundNo ? ` (refund ${ctx.refundNo})` : ''}: ${-fact.points} points taken back`,
      };
    case 'redemption':
      return {
        ...base,
        kind: 'redemption',
        title: `Redeemed ${-fact.points} points${at}${ctx.discountCents !== null && ctx.discountCents !== undefined ? ` for ${money(ctx.discountCents)} off` : ''}`,
      };
    case 'redemption_cancel':
      return { ...base, kind: 'redemption_cancel', title: `Redemption cancelled${at}: ${fact.points} points returned` };
    case 'bonus':
      return {
        ...base,
        kind: 'bonus',
        campaignName: fact.refType === 'campaign' ? (ctx.campaignName ?? null) : null,
        title:
          fact.refType === 'birthday'
            ? `Birthday bonus: ${fact.points} points`
            : `Bonus${ctx.campaignName ? ` from ${ctx.campaignName}` : ''}: ${fact.points} points`,
      };
    case 'expiry':
      return {
        ...base,
        kind: 'expiry',
        title: `${-fact.points} points expired${ctx.earnedAt ? ` (earned ${ctx.earnedAt.toISOString().slice(0, 10)})` : ''}`,
      };
    case 'adjustment':
      if (fact.refType === 'import') {
        return { ...base, kind: 'opening_balance', title: `Opening balance from the previous program: ${fact.points} points` };
      }
      return {
        ...base,
        kind: 'adjustment',
        title: `Adjusted by customer service: ${fact.points > 0 ? '+' : ''}${fact.points} points`,
      };
    case 'reward_exchange':
      return { ...base, kind: 'reward', title: `Exchanged for ${ctx.rewardName ?? 'a reward'}: ${-fact.points} points` };
    case 'reward_return':
      return { ...base, kind: 'reward_return', title: `Coupon voided (${ctx.rewardName ?? 'a reward'}): ${fact.points} points returned` };
    case 'goodwill':
      return { ...base, kind: 'goodwill', title: `Goodwill points for your complaint: ${fact.points} points` };
    case 'merge_in':
      return { ...base, kind: 'transfer', title: `Points moved in from another account of yours: ${fact.points} points` };
    case 'merge_out':
      return { ...base, kind: 'transfer', title: `Points moved to your main account: ${-fact.points} points` };
    default:
      return { ...base, kind: 'adjustment', title: `${fact.points > 0 ? '+' : ''}${fact.points} points` };
  }
}

/** ¥12.34 */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
