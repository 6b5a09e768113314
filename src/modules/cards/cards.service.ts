import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { generateCardNo } from './card-number';
import { CardsRepository } from './cards.repository';
import { CardKind } from './entities/card.entity';

@Injectable()
export class CardsService {
  constructor(private readonly cards: CardsRepository) {}

  /** Issues a new active card inside the caller's transaction; retries the rare number collision. */
  async issue(m: EntityManager, memberId: string, kind: CardKind, storeId: string | null, now: Date): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const cardNo = generateCardNo();
      try {
        await this.cards.insert(m, { cardNo, memberId, kind, storeId, now });
        return cardNo;
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 5) {
          throw err;
        }
      }
    }
  }
}
