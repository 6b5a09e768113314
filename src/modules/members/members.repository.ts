import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface CardRow {
  cardNo: string;
  memberId: string;
  status: string;
}

/** SQL of members and their cards used by the postings: lookups by card, phone and id, many at a time. */
@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cardsByNumber(cardNos: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, CardRow>> {
    const out = new Map<string, CardRow>();
    const unique = [...new Set(cardNos)];
    if (unique.length === 0) {
      return out;
    }
    const rows: Array<{ card_no: string; member_id: string; status: string }> = await m.query(
      `SELECT card_no, member_id, status FROM cards WHERE card_no IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    for (const r of rows) {
      out.set(r.card_no, { cardNo: r.card_no, memberId: r.member_id, status: r.status });
    }
    return out;
  }

  /** phone → member id. */
  async memberIdsByPhone(phones: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const unique = [...new Set(phones)];
    if (unique.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; phone: string }> = await m.query(
      `SELECT id, phone FROM members WHERE phone IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    return new Map(rows.map((r) => [r.phone, r.id]));
  }

  async existingMemberIds(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) {
      return new Set();
    }
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM members WHERE id IN (${unique.map(() => '?').join(', ')})`, unique);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The cards' status under a shared lock: a freeze committed after the card
   * was first read is seen here, and a freeze still running waits for the
   * posting. LOCK IN SHARE MODE runs on MySQL 8 and MariaDB alike.
   */
  async lockCardStatuses(m: EntityManager, cardNos: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(cardNos)].sort();
    if (unique.length === 0) {
      return new Map();
    }
    const rows: Array<{ card_no: string; status: string }> = await m.query(
      `SELECT card_no, status FROM cards WHERE card_no IN (${unique.map(() => '?').join(', ')}) ORDER BY card_no LOCK IN SHARE MODE`,
      unique,
    );
    return new Map(rows.map((r) => [r.card_no, r.status]));
  }
}
