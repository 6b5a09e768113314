import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placeholders } from '../../database/multi-row';
import { execute, marks, selectOne } from '../../database/sql';
import { Card, CardKind, CardStatus } from './entities/card.entity';

export interface LockedCard {
  card_no: string;
  member_id: string;
  status: CardStatus;
  kind: CardKind;
  replaced_by: string | null;
}

export interface BindableCard {
  cardNo: string;
  memberId: string;
  status: string;
  memberStatus: string;
  memberPhone: string | null;
}

export interface NewCard {
  cardNo: string;
  memberId: string;
  kind: CardKind;
  storeId: string | null;
  now: Date;
}

/** The owner of `cards`: every write to a card is here. */
@Injectable()
export class CardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new active card; a number already taken fails with a duplicate key (the caller draws another). */
  async insert(m: EntityManager, card: NewCard): Promise<void> {
    await execute(
      m,
      `INSERT INTO cards (card_no, member_id, status, kind, issued_store_id, replaced_by, issued_at, status_changed_at)
       VALUES (?, ?, 'active', ?, ?, NULL, ?, ?)`,
      [card.cardNo, card.memberId, card.kind, card.storeId, card.now, card.now],
    );
  }

  /** Many new active cards in one statement (the CSV import). */
  async insertMany(m: EntityManager, cards: NewCard[]): Promise<void> {
    if (cards.length === 0) {
      return;
    }
    await execute(
      m,
      `INSERT INTO cards (card_no, member_id, status, kind, issued_store_id, replaced_by, issued_at, status_changed_at) VALUES ${placeholders(cards.length, 8)}`,
      cards.flatMap((c) => [c.cardNo, c.memberId, 'active', c.kind, c.storeId, null, c.now, c.now]),
    );
  }

  lock(m: EntityManager, cardNo: string): Promise<LockedCard | null> {
    return selectOne<LockedCard>(m, 'SELECT card_no, member_id, status, kind, replaced_by FROM cards WHERE card_no = ? FOR UPDATE', [
      cardNo,
    ]);
  }

  async setStatus(m: EntityManager, cardNo: string, status: CardStatus, replacedBy: string | null, now: Date): Promise<void> {
    await execute(m, 'UPDATE cards SET status = ?, replaced_by = ?, status_changed_at = ? WHERE card_no = ?', [
      status,
      replacedBy,
      now,
      cardNo,
    ]);
  }

  /** Closes every card of the members (an erasure); answers how many were open. */
  async closeAllOf(m: EntityManager, memberIds: string[], now: Date): Promise<number> {
    const res = await execute(
      m,
      `UPDATE cards SET status = 'closed', status_changed_at = ? WHERE member_id IN (${marks(memberIds.length)}) AND status <> 'closed'`,
      [now, ...memberIds],
    );
    return res.affectedRows;
  }

  /** A counter card's member registered: its temporary cards become standard ones. */
  async makeStandard(m: EntityManager, memberId: string): Promise<void> {
    await execute(m, "UPDATE cards SET kind = 'standard' WHERE member_id = ? AND kind = 'temporary'", [memberId]);
  }

  /** A merge: the survivor keeps every card the person carries. */
  async reassignMember(fromMemberId: string, toMemberId: string, m: EntityManager): Promise<void> {
    await execute(m, 'UPDATE cards SET member_id = ? WHERE member_id = ?', [toMemberId, fromMemberId]);
  }

  /** A card with its member's status and phone, locked (registration binds a counter card). */
  async lockForBinding(m: EntityManager, cardNo: string): Promise<BindableCard | null> {
    const r = await selectOne<{ card_no: string; member_id: string; status: string; member_status: string; phone: string | null }>(
      m,
      `SELECT c.card_no, c.member_id, c.status, mb.status AS member_status, mb.phone
         FROM cards c JOIN members mb ON mb.id = c.member_id WHERE c.card_no = ? FOR UPDATE`,
      [cardNo],
    );
    return r ? { cardNo: r.card_no, memberId: r.member_id, status: r.status, memberStatus: r.member_status, memberPhone: r.phone } : null;
  }

  /** The card a cashier should see when none was used: the member's newest active card. */
  async newestActive(memberId: string): Promise<string | null> {
    const r = await selectOne<{ card_no: string }>(
      this.dataSource.manager,
      "SELECT card_no FROM cards WHERE member_id = ? AND status = 'active' ORDER BY issued_at DESC LIMIT 1",
      [memberId],
    );
    return r?.card_no ?? null;
  }

  /** Every card of the member, newest first. */
  ofMember(memberId: string): Promise<Card[]> {
    return this.dataSource.getRepository(Card).find({ where: { memberId }, order: { issuedAt: 'DESC' } });
  }

  /** The member and status of one card. */
  find(cardNo: string): Promise<{ member_id: string; status: string } | null> {
    return selectOne(this.dataSource.manager, 'SELECT member_id, status FROM cards WHERE card_no = ?', [cardNo]);
  }
}
