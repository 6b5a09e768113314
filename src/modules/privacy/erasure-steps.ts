import { EntityManager } from 'typeorm';
import { MemberImportsRepository } from '../archive/import/member-imports.repository';
import { AuditRepository } from '../audit/audit.repository';
import { ComplaintsRepository } from '../complaints/complaints.repository';
import { SurveysRepository } from '../surveys/surveys.repository';
import { CardsRepository } from '../cards/cards.repository';
import { MemberCodesRepository } from '../cards/member-codes.repository';
import { MemberSessionsRepository } from '../members/member-sessions.repository';
import { MembersRepository } from '../members/members.repository';
import { OutboxRepository } from '../messages/outbox.repository';
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

/** The owners of the tables an erasure clears: each step writes through the owner of its table. */
export interface ErasureOwners {
  members: MembersRepository;
  cards: CardsRepository;
  memberCodes: MemberCodesRepository;
  outbox: OutboxRepository;
  sessions: MemberSessionsRepository;
  imports: MemberImportsRepository;
  audit: AuditRepository;
  complaints: ComplaintsRepository;
  surveys: SurveysRepository;
}

export interface ErasureStep {
  name: string;
  /** The table the step clears; the decisions table below names the same one. */
  table: string;
  run(owners: ErasureOwners, m: EntityManager, c: ErasureContext): Promise<number>;
}

/**
 * What an erasure does, in order, in one transaction; each step is safe to run
 * twice and answers how many rows it changed. A table of personal data added
 * later is one more line here (e.g. the portal's sign-in codes:
 * `{ name: 'sign-in codes', table: 'portal_login_codes', run: (o, m, c) => o.signInCodes.deleteAllOf(m, c.memberIds) }`,
 * with its owner added to ErasureOwners) and one line in ERASURE_DECISIONS.
 */
export const ERASURE_STEPS: ErasureStep[] = [
  {
    name: 'profile',
    table: 'members',
    run: (o, m, c) => o.members.anonymise(m, c.memberIds, (id) => (id === c.memberId ? 'erased' : 'merged'), c.now),
  },
  { name: 'cards', table: 'cards', run: (o, m, c) => o.cards.closeAllOf(m, c.memberIds, c.now) },
  { name: 'consents', table: 'member_consents', run: (o, m, c) => o.members.withdrawConsents(m, c.memberIds, c.now) },
  { name: 'changeValues', table: 'member_changes', run: (o, m, c) => o.members.clearChangeValues(m, c.memberIds) },
  { name: 'notes', table: 'member_notes', run: (o, m, c) => o.members.deleteNotes(m, c.memberIds) },
  { name: 'tags', table: 'member_tags', run: (o, m, c) => o.members.deleteTags(m, c.memberIds) },
  {
    name: 'messages',
    table: 'outbox_messages',
    run: async (o, m, c) =>
      (await o.outbox.clearForMembers(m, c.memberIds, c.now)) + (await o.outbox.clearToAddresses(m, c.identifying, c.now)),
  },
  { name: 'memberCodes', table: 'member_codes', run: (o, m, c) => o.memberCodes.deleteAllOf(m, c.memberIds) },
  { name: 'sessions', table: 'member_refresh_tokens', run: (o, m, c) => o.sessions.deleteAllOf(m, c.memberIds) },
  { name: 'importRows', table: 'member_import_rows', run: (o, m, c) => o.imports.clearRawOf(m, c.memberIds) },
  { name: 'complaints', table: 'complaints', run: (o, m, c) => o.complaints.clearDescriptionsOf(m, c.memberIds) },
  { name: 'complaintSteps', table: 'complaint_steps', run: (o, m, c) => o.complaints.clearStepTextsOf(m, c.memberIds) },
  { name: 'surveyAnswers', table: 'survey_answers', run: (o, m, c) => o.surveys.clearTextsOf(m, c.memberIds) },
  { name: 'surveyInvitations', table: 'survey_invitations', run: (o, m, c) => o.surveys.expireAllOpenOf(m, c.memberIds) },
  { name: 'auditEntries', table: 'audit_log', run: scrubAuditEntries },
];

/** Audit entries about the person or made by them keep what happened, without the person's values. */
async function scrubAuditEntries(o: ErasureOwners, m: EntityManager, c: ErasureContext): Promise<number> {
  let n = 0;
  for (const entry of await o.audit.entriesOfMembers(m, c.memberIds)) {
    if (!entry.changes) {
      continue;
    }
    const scrubbed = JSON.stringify(scrubPersonal(JSON.parse(entry.changes) as unknown, c.identifying));
    if (scrubbed !== entry.changes) {
      await o.audit.setChanges(m, entry.id, scrubbed);
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
  member_codes: 'deleted: the member-code secret (no code of the person names anyone after)',
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
  complaints:
    "the member's description cleared; store, receipt, category, severity, states and times kept (the store archive's figures stay exact)",
  survey_answers: 'free-text answers cleared; scores kept (the satisfaction figures stay exact, and name no one)',
  survey_invitations: 'open invitations expired (the link stops working); ids, store, tier and times kept for the response rates',
  complaint_steps: 'every text (replies, notes, resolutions, goodwill reasons) cleared; kinds, states, points, who and when kept',
};
