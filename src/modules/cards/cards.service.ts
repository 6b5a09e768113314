import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { generateCardNo } from './card-number';
import { CardKind } from './entities/card.entity';

@Injectable()
export class CardsService {
  /** Issues a new active card inside the caller's transaction; retries the rare number collision. */
  async issue(m: EntityManager, memberId: string, kind: CardKind, storeId: string | null, now: Date): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const cardNo = generateCardNo();
      try {
        await m.query(
          `INSERT INTO cards (card_no, member_id, status, kind, issued_store_id, replaced_by, issued_at, status_changed_at)
           VALUES (?, ?, 'active', ?, ?, NULL, ?, ?)`,
          [cardNo, memberId, kind, storeId, now, now],
        );
        return cardNo;
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 5) {
          throw err;
        }
      }
    }
  }
}
