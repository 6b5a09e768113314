/**
 * What a merge does with each table that has a member id column:
 * - move: every row of the source is given to the survivor (by the table's owner, `reassignMember`);
 * - combine: moved by the owner with statements that settle rows both members have (same key);
 * - ledger: moved or kept by the ledger writer's mergeAccounts (merge_out / merge_in keep both ledgers exact);
 * - keep: stays with the source, for the reason given.
 * The medium test checks this list against information_schema, so a new
 * per-member table cannot be added without a decision here; a table moved or
 * combined names its owner (the repository whose `reassignMember` moves it); the
 * merge holds one repository per MergeOwner (a Record, so the compiler checks it).
 */
export type MergeAction = 'move' | 'combine' | 'ledger' | 'keep';

/** The repositories that move a member's rows in a merge (each owns the tables it moves). */
export type MergeOwner = 'cards' | 'receipts' | 'redemptions' | 'tiers' | 'tierEngine' | 'clubs' | 'members' | 'ledger' | 'coupons';

export type MergeDecision = { action: 'move' | 'combine'; owner: MergeOwner; why: string } | { action: 'ledger' | 'keep'; why: string };

export const MERGE_DECISIONS: Record<string, MergeDecision> = {
  cards: { action: 'move', owner: 'cards', why: 'the person keeps every card they carry' },
  purchases: { action: 'move', owner: 'receipts', why: 'purchase history, refunds and club rules follow the person' },
  purchase_lines: { action: 'move', owner: 'receipts', why: 'kept beside purchases (category rules of clubs read them by member)' },
  refunds: { action: 'move', owner: 'receipts', why: 'with their purchases' },
  redemptions: { action: 'move', owner: 'redemptions', why: 'a later cancel finds them on the survivor' },
  tier_history: { action: 'move', owner: 'tiers', why: 'the tier story of the person' },
  club_member_history: { action: 'move', owner: 'clubs', why: 'explains the club memberships that move' },
  member_notes: { action: 'move', owner: 'members', why: 'staff notes about the person' },
  member_monthly_stats: { action: 'combine', owner: 'ledger', why: 'qualifying figures summed month by month' },
  club_members: { action: 'combine', owner: 'clubs', why: "the survivor's own row wins for a club both are in" },
  member_tags: { action: 'combine', owner: 'members', why: 'the union of both sets' },
  birthday_bonuses: { action: 'combine', owner: 'tierEngine', why: "a year's bonus given to either counts once for the person" },
  point_accounts: { action: 'ledger', why: 'the balance leaves by merge_out and arrives by merge_in; lifetime figures stay' },
  point_entries: { action: 'ledger', why: 'append-only: the source keeps its entries, ending at 0' },
  point_lots: { action: 'ledger', why: 'move with their expiry dates' },
  lot_consumptions: { action: 'ledger', why: 'move with the lots, so refunds and cancels find them' },
  member_changes: { action: 'keep', why: "the source's own profile history (its profile stays on the source)" },
  member_consents: { action: 'keep', why: 'consent is never widened by a merge: the survivor keeps what it gave' },
  member_window_stats: {
    action: 'keep',
    why: 'a daily snapshot of 12-month sums: the next refresh recomputes both from the moved monthly stats',
  },
  member_values: { action: 'keep', why: 'recomputed by the next value run (the source has no figures left)' },
  tier_grants: { action: 'keep', why: 'the higher tier moves; a grant belongs to the account it was given to' },
  rank_review_picks: {
    action: 'keep',
    why: 'whom a past rank review picked; the next rank review ranks the survivor on the moved figures',
  },
  campaign_deliveries: { action: 'keep', why: 'campaign results per account; the key (campaign, occurrence, member) could collide' },
  outbox_messages: { action: 'keep', why: 'sent to the source address; the key (source, member, channel) could collide' },
  point_adjustments: { action: 'keep', why: "tied to entries of the source's ledger" },
  member_import_rows: { action: 'keep', why: 'the import report names the member the row created' },
  member_merges: { action: 'keep', why: 'the record of the merge itself' },
  member_erasures: { action: 'keep', why: 'an erasing or erased member cannot be merged' },
  coupons: {
    action: 'move',
    owner: 'coupons',
    why: 'the person keeps the coupons they hold (each is checked against its member at the till)',
  },
  coupon_uses: { action: 'move', owner: 'coupons', why: 'with the purchases they were used on' },
  reward_member_counts: {
    action: 'keep',
    why: 'per-account exchange counts; a merge does not add up limits (the survivor keeps its own count)',
  },
  reward_exchanges: { action: 'keep', why: 'the idempotency keys of the source’s own exchanges (the key (member, key) could collide)' },
  member_codes: {
    action: 'keep',
    why: "the source's code secret: a code it shows still names it, and the POS follows the merge to the survivor, as with its cards",
  },
  complaints: {
    action: 'keep',
    why: 'a case stays with the account it was raised for: its goodwill entry is on that ledger and the store archive counts it once',
  },
  complaint_steps: { action: 'keep', why: 'with their case' },
  survey_invitations: {
    action: 'keep',
    why: "counted under the account invited (store, tier); an open one would clash with the survivor's one open invitation",
  },
  survey_answers: { action: 'keep', why: 'with their invitation' },
  member_refresh_tokens: { action: 'keep', why: "the source's own portal sign-ins (they end as their tokens expire or are revoked)" },
};

/** The tables each owner moves or combines in a merge. */
export function tablesByOwner(): Map<MergeOwner, string[]> {
  const out = new Map<MergeOwner, string[]>();
  for (const [table, d] of Object.entries(MERGE_DECISIONS)) {
    if (d.action === 'move' || d.action === 'combine') {
      out.set(d.owner, [...(out.get(d.owner) ?? []), table]);
    }
  }
  return out;
}
