import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toInt } from '../../common/transformers';
import { select } from '../../database/sql';

export const TIMELINE_KINDS = [
  'purchase',
  'refund',
  'redemption',
  'exchange',
  'message',
  'survey',
  'complaint',
  'tier',
  'club',
  'note',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineRow {
  kind: TimelineKind;
  at: Date;
  refId: string;
  storeName: string | null;
  amountCents: number | null;
  points: number | null;
  /** What it is named by: receipt, refund or redemption number, reward, template, survey, case number, tiers, club. */
  label: string | null;
  /** More about it: a state, a channel, a step, the note's text. */
  detail: string | null;
}

/** Where a page starts: strictly older than (at, kind, refId). */
export interface TimelineCursor {
  at: Date;
  kind: string;
  refId: string;
}

/** Every text column of every source in one character set and collation, so the UNION can put them together. */
const U = (expr: string) => `CONVERT(${expr} USING utf8mb4) COLLATE utf8mb4_unicode_ci`;

/**
 * One source of the timeline: a SELECT of the common columns for one member,
 * newest first, at most `limit` rows at or before the cursor's time. Every
 * source reads by an index that starts with the member id.
 */
const SOURCES: Record<TimelineKind, string> = {
  purchase: `SELECT ${U("'purchase'")} AS kind, p.occurred_at AS at, ${U('p.id')} AS ref_id, ${U('s.name')} AS store_name,
      p.total_cents AS amount_cents, p.points_earned AS points, ${U('p.receipt_no')} AS label, NULL AS detail
    FROM purchases p LEFT JOIN stores s ON s.id = p.store_id WHERE p.member_id = ? AND p.occurred_at <= ?
    ORDER BY p.occurred_at DESC LIMIT ?`,
  refund: `SELECT ${U("'refund'")} AS kind, r.created_at AS at, ${U('r.id')} AS ref_id, ${U('s.name')} AS store_name,
      r.refunded_cents AS amount_cents, -r.points_reversed AS points, ${U('r.refund_no')} AS label, ${U('p.receipt_no')} AS detail
    FROM purchases p JOIN refunds r ON r.purchase_id = p.id LEFT JOIN stores s ON s.id = r.store_id
    WHERE p.member_id = ? AND r.created_at <= ? ORDER BY r.created_at DESC LIMIT ?`,
  redemption: `SELECT ${U("'redemption'")} AS kind, d.created_at AS at, ${U('d.id')} AS ref_id, ${U('s.name')} AS store_name,
      d.discount_cents AS amount_cents, -d.points AS points, ${U('d.redemption_no')} AS label, ${U('d.status')} AS detail
    FROM redemptions d LEFT JOIN stores s ON s.id = d.store_id WHERE d.member_id = ? AND d.created_at <= ?
    ORDER BY d.created_at DESC LIMIT ?`,
  exchange: `SELECT ${U("'exchange'")} AS kind, c.issued_at AS at, ${U('c.id')} AS ref_id, NULL AS store_name,
      NULL AS amount_cents, -c.points_paid AS points, ${U("CONCAT(c.name_zh, ' / ', c.name_en)")} AS label, ${U('c.status')} AS detail
    FROM coupons c WHERE c.member_id = ? AND c.source = 'exchange' AND c.issued_at <= ? ORDER BY c.issued_at DESC LIMIT ?`,
  message: `SELECT ${U("'message'")} AS kind, o.created_at AS at, ${U('o.id')} AS ref_id, NULL AS store_name,
      NULL AS amount_cents, NULL AS points, ${U('o.template_code')} AS label, ${U("CONCAT(o.channel, ' ', o.status)")} AS detail
    FROM outbox_messages o WHERE o.member_id = ? AND o.created_at <= ? ORDER BY o.created_at DESC LIMIT ?`,
  survey: `SELECT ${U("'survey'")} AS kind, i.answered_at AS at, ${U('i.id')} AS ref_id, ${U('s.name')} AS store_name,
      NULL AS amount_cents, NULL AS points, ${U("CONCAT(v.title_zh, ' / ', v.title_en)")} AS label, ${U('i.source')} AS detail
    FROM survey_invitations i JOIN surveys v ON v.id = i.survey_id LEFT JOIN stores s ON s.id = i.store_id
    WHERE i.member_id = ? AND i.status = 'answered' AND i.answered_at <= ? ORDER BY i.answered_at DESC LIMIT ?`,
  complaint: `SELECT ${U("'complaint'")} AS kind, st.created_at AS at, ${U('CAST(st.id AS CHAR)')} AS ref_id, ${U('s.name')} AS store_name,
      NULL AS amount_cents, st.points AS points, ${U('c.case_no')} AS label,
      ${U("CONCAT(st.kind, IF(st.to_state IS NULL, '', CONCAT(' ', st.to_state)))")} AS detail
    FROM complaint_steps st JOIN complaints c ON c.id = st.complaint_id LEFT JOIN stores s ON s.id = c.store_id
    WHERE st.member_id = ? AND st.created_at <= ? ORDER BY st.created_at DESC LIMIT ?`,
  tier: `SELECT ${U("'tier'")} AS kind, h.created_at AS at, ${U('CAST(h.id AS CHAR)')} AS ref_id, NULL AS store_name,
      NULL AS amount_cents, NULL AS points,
      ${U("CONCAT(COALESCE(f.name_zh, h.from_tier, ''), ' → ', COALESCE(t.name_zh, h.to_tier), ' / ', COALESCE(f.name, h.from_tier, ''), ' → ', COALESCE(t.name, h.to_tier))")} AS label,
      ${U('h.reason')} AS detail
    FROM tier_history h LEFT JOIN tiers f ON f.code = h.from_tier LEFT JOIN tiers t ON t.code = h.to_tier
    WHERE h.member_id = ? AND h.created_at <= ? ORDER BY h.created_at DESC LIMIT ?`,
  club: `SELECT ${U("'club'")} AS kind, e.at AS at, ${U('CAST(e.id AS CHAR)')} AS ref_id, NULL AS store_name,
      NULL AS amount_cents, NULL AS points, ${U("CONCAT(k.name, ' / ', k.name_en)")} AS label, ${U("CONCAT(e.event, ' ', e.reason)")} AS detail
    FROM club_member_history e JOIN clubs k ON k.id = e.club_id WHERE e.member_id = ? AND e.at <= ? ORDER BY e.at DESC LIMIT ?`,
  note: `SELECT ${U("'note'")} AS kind, n.created_at AS at, ${U('CAST(n.id AS CHAR)')} AS ref_id, NULL AS store_name,
      NULL AS amount_cents, NULL AS points, NULL AS label, ${U('n.text')} AS detail
    FROM member_notes n WHERE n.member_id = ? AND n.created_at <= ? ORDER BY n.created_at DESC LIMIT ?`,
};

/**
 * The member's one timeline (the console's archive): purchases and refunds,
 * redemptions and reward exchanges, messages, survey answers, complaint steps,
 * tier and club changes and notes, newest first, as one paged read model. A
 * page reads at most limit + 1 rows of each source at or before the cursor's
 * time and merges them; the cursor (time, kind, ref) is strict, so no row
 * comes twice across pages.
 */
@Injectable()
export class MemberTimelineQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(memberId: string, kinds: readonly TimelineKind[], cursor: TimelineCursor | null, limit: number): Promise<TimelineRow[]> {
    const upTo = cursor?.at ?? new Date('9999-12-31T00:00:00Z');
    // Rows at the cursor's very time that were already shown take slots of the per-source limit: read a few more.
    const perSource = limit + 1 + 10;
    const parts = kinds.map((k) => `(${SOURCES[k]})`);
    const params = kinds.flatMap(() => [memberId, upTo, perSource]);
    const rows = await select<{
      kind: TimelineKind;
      at: Date;
      ref_id: string;
      store_name: string | null;
      amount_cents: string | number | null;
      points: string | number | null;
      label: string | null;
      detail: string | null;
    }>(this.dataSource.manager, `SELECT * FROM (${parts.join(' UNION ALL ')}) t`, params);
    const older = (r: { at: Date; kind: string; ref_id: string }) =>
      !cursor ||
      r.at.getTime() < cursor.at.getTime() ||
      (r.at.getTime() === cursor.at.getTime() && (r.kind < cursor.kind || (r.kind === cursor.kind && r.ref_id < cursor.refId)));
    const newer = (a: { at: Date; kind: string; ref_id: string }, b: { at: Date; kind: string; ref_id: string }) =>
      b.at.getTime() - a.at.getTime() ||
      (a.kind === b.kind ? (a.ref_id < b.ref_id ? 1 : a.ref_id > b.ref_id ? -1 : 0) : a.kind < b.kind ? 1 : -1);
    return rows
      .filter(older)
      .sort(newer)
      .slice(0, limit + 1)
      .map((r) => ({
        kind: r.kind,
        at: r.at,
        refId: r.ref_id,
        storeName: r.store_name,
        amountCents: r.amount_cents === null ? null : toInt(r.amount_cents),
        points: r.points === null ? null : toInt(r.points),
        label: r.label,
        detail: r.detail,
      }));
  }
}
