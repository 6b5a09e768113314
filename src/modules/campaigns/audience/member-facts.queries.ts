import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toInt } from '../../../common/transformers';
import { MemberFacts } from './audience-part.kind';

interface MemberRow {
  id: string;
  status: string;
  tier_code: string;
  preferred_store_id: string | null;
  birthday: string | null;
  created_at: Date;
  grade: string | null;
  r: number | null;
  f: number | null;
}

/** What the audience parts read of some members, for their TypeScript form (explanations, and the medium test of the SQL form). */
@Injectable()
export class MemberFactsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forMembers(memberIds: string[]): Promise<MemberFacts[]> {
    if (memberIds.length === 0) {
      return [];
    }
    const inIds = memberIds.map(() => '?').join(', ');
    const [members, clubs, purchases, lots, consents] = await Promise.all([
      this.dataSource.query<MemberRow[]>(
        `SELECT m.id, m.status, m.tier_code, m.preferred_store_id, m.birthday, m.created_at, mv.grade, mv.r, mv.f
           FROM members m LEFT JOIN member_values mv ON mv.member_id = m.id WHERE m.id IN (${inIds}) ORDER BY m.id`,
        memberIds,
      ),
      this.dataSource.query<Array<{ member_id: string; club_id: string }>>(
        `SELECT member_id, club_id FROM club_members WHERE status = 'active' AND member_id IN (${inIds})`,
        memberIds,
      ),
      this.dataSource.query<Array<{ member_id: string; store_id: string; occurred_at: Date }>>(
        `SELECT member_id, store_id, occurred_at FROM purchases WHERE member_id IN (${inIds})`,
        memberIds,
      ),
      this.dataSource.query<Array<{ member_id: string; remaining: string; expires_at: Date }>>(
        `SELECT member_id, remaining, expires_at FROM point_lots WHERE member_id IN (${inIds})`,
        memberIds,
      ),
      this.dataSource.query<Array<{ member_id: string; channel: string }>>(
        `SELECT member_id, channel FROM member_consents WHERE granted = 1 AND member_id IN (${inIds})`,
        memberIds,
      ),
    ]);
    const byMember = <T extends { member_id: string }>(rows: T[]) => {
      const out = new Map<string, T[]>();
      for (const r of rows) {
        out.set(r.member_id, [...(out.get(r.member_id) ?? []), r]);
      }
      return (id: string) => out.get(id) ?? [];
    };
    const [clubsOf, purchasesOf, lotsOf, consentsOf] = [byMember(clubs), byMember(purchases), byMember(lots), byMember(consents)];
    return members.map((m) => ({
      id: m.id,
      status: m.status,
      tierCode: m.tier_code,
      preferredStoreId: m.preferred_store_id,
      birthday: m.birthday,
      createdAt: m.created_at,
      activeClubIds: clubsOf(m.id).map((c) => c.club_id),
      grade: m.grade,
      rfmR: m.r === null ? null : Number(m.r),
      rfmF: m.f === null ? null : Number(m.f),
      purchases: purchasesOf(m.id).map((p) => ({ storeId: p.store_id, occurredAt: p.occurred_at })),
      lots: lotsOf(m.id).map((l) => ({ remaining: toInt(l.remaining), expiresAt: l.expires_at })),
      consents: consentsOf(m.id).map((c) => c.channel),
    }));
  }

  /** The codes of these clubs and stores, by id (for an audience in words); unknown ids are left out. */
  async codesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const inIds = ids.map(() => '?').join(', ');
    const rows = await this.dataSource.query<Array<{ id: string; code: string }>>(
      `SELECT id, code FROM clubs WHERE id IN (${inIds}) UNION ALL SELECT id, code FROM stores WHERE id IN (${inIds})`,
      [...ids, ...ids],
    );
    return new Map(rows.map((r) => [r.id, r.code]));
  }
}
