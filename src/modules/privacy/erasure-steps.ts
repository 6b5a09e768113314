import { EntityManager } from 'typeorm';
import { PrivacyRepository } from './privacy.repository';
import { scrubPersonal } from './rules/scrub-personal';

export interface ErasureContext {
  /** The member who asked. */
  memberId: string;
  /** That member and every member merged into them: the same person's rows. */
  memberIds: string[];
  /** The person's values (current and earlier) as they may appear in free text, longest first. */
  identifying: string[];
  now: Date;
}

export interface ErasureStep {
  name: string;
  /** The table the step clears; the decisions table below names the same one. */
  table: string;
  run(repo: PrivacyRepository, m: EntityManager, c: ErasureContext): Promise<number>;
}

/**
 * What an erasure does, in order, in one transaction; each step is safe to run
 * twice and answers how many rows it changed. A table of personal data added
 * later is one more line here (e.g. the portal's sign-in codes:
 * `{ name: 'sign-in codes', table: 'portal_login_codes', run: (r, m, c) => r.deleteRows(m, 'portal_login_codes', c.memberIds) }`)
 * and one line in ERASURE_DECISIONS.
 */
export const ERASURE_STEPS: ErasureStep[] = [
  {
    name: 'profile',
    table: 'members',
    run: (r, m, c) => r.anonymiseProfile(m, c.memberIds, (id) => (id === c.memberId ? 'erased' : 'merged'), c.now),
  },
  { name: 'cards', table: 'cards', run: (r, m, c) => r.closeCards(m, c.memberIds, c.now) },
  { name: 'consents', table: 'member_consents', run: (r, m, c) => r.withdrawConsents(m, c.memberIds, c.now) },
  { name: 'changeValues', table: 'member_changes', run: (r, m, c) => r.clearChangeValues(m, c.memberIds) },
  { name: 'notes', table: 'member_notes', run: (r, m, c) => r.deleteRows(m, 'member_notes', c.memberIds) },
  { name: 'tags', table: 'member_tags', run: (r, m, c) => r.deleteRows(m, 'member_tags', c.memberIds) },
  {
    name: 'messages',
    table: 'outbox_messages',
    run: async (r, m, c) => (await r.clearOutbox(m, c.memberIds, c.now)) + (await r.clearOutboxToAddresses(m, c.identifying, c.now)),
  },
  { name: 'sessions', table: 'member_refresh_tokens', run: (r, m, c) => r.deleteRows(m, 'member_refresh_tokens', c.memberIds) },
  { name: 'importRows', table: 'member_import_rows', run: (r, m, c) => r.clearImportRows(m, c.memberIds) },
  { name: 'auditEntries', table: 'audit_log', run: scrubAuditEntries },
];

/** Audit entries about the person or made by them keep what happened, without the person's values. */
async function scrubAuditEntries(r: PrivacyRepository, m: EntityManager, c: ErasureContext): Promise<number> {
  let n = 0;
  for (const entry of await r.auditEntries(m, c.memberIds)) {
    if (!entry.changes) {
      continue;
    }
    const scrubbed = JSON.stringify(scrubPersonal(JSON.parse(entry.changes), c.identifying));
    if (scrubbed !== entry.changes) {
      await r.setAuditChanges(m, entry.id, scrubbed);
      n += 1;
    }
  }
  return n;
}

/**
 * Every table with a member id column, and what an erasure does to it. The
 * medium test checks this list against information_schema, so a new
 * per-member table cannot be added without deciding.
 */
export const ERASURE_DECISIONS: Record<string, string> = {
  members:
    'anonymised: name, phone, email, birthday, gender, address, city cleared; status erased (external id kept: a re-import finds it)',
  cards: 'closed (the number stays: receipts and the ledger refer to it; the POS answers CARD_INACTIVE)',
  member_consents: 'withdrawn (granted false, source erasure)',
  member_changes: 'old and new values of personal fields cleared; field, who and when kept (consent and status values kept)',
  member_notes: 'deleted (staff free text about the person)',
  member_tags: 'deleted',
  outbox_messages:
    'subject, text and last error cleared; unsent messages skipped; sign-in codes sent to their phones before registration lose the address too',
  member_refresh_tokens: 'deleted: every portal sign-in of the person ends',
  member_import_rows: 'the CSV row as given cleared; its outcome kept',
  member_erasures: 'kept: the request itself (ids and times)',
  point_accounts: 'kept: balances stay exact',
  coupons: 'kept: codes, terms and states (no personal data; liability and receipts refer to them)',
  coupon_uses: 'kept: which coupon was used on which receipt (no personal data)',
  reward_member_counts: 'kept: counts only',
  reward_exchanges: 'kept: ids, keys and the answer (reward and coupon terms, no personal data)',
  point_entries: 'kept: the ledger stays exact (amounts, ids, system-written notes)',
  point_lots: 'kept: amounts and expiry dates',
  lot_consumptions: 'kept: amounts',
  point_adjustments: 'kept: amounts and the staff reason (finance needs why points moved)',
  purchases: 'kept: amounts, store, receipt and card number; analytics stay exact',
  purchase_lines: 'kept: sku, category, amounts',
  refunds: 'kept: amounts',
  redemptions: 'kept: amounts',
  member_monthly_stats: 'kept: qualifying figures for analytics',
  member_values: 'kept: score, grade, RFM (numbers)',
  member_window_stats: 'kept: 12-month sums (numbers) for the what-if simulation',
  tier_history: 'kept: tier moves',
  tier_grants: 'kept: tier, dates and the staff reason',
  rank_review_picks: 'kept: which rank review picked the member id for which tier (ids only)',
  birthday_bonuses: 'kept: year and points (the birthday itself is cleared from the profile)',
  club_members: 'kept: club sizes stay exact; erased members get no campaign',
  club_member_history: 'kept: joins and leaves',
  campaign_deliveries: 'kept: what was granted, for campaign results',
  member_merges: 'kept: which ids were merged (the merged-in rows are erased with the survivor)',
};
