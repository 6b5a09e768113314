import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { maskCardNo } from '../../common/masking';
import { Transactions } from '../../database/transactions';
import { Actor, AuditService } from '../audit/audit.service';
import { CardAction, nextCardStatus } from './card-lifecycle';
import { CardsRepository, LockedCard } from './cards.repository';
import { CardsService } from './cards.service';
import { MemberCodesService } from './member-codes.service';
import { CardStatus } from './entities/card.entity';

export interface CardChange {
  cardNo: string;
  memberId: string;
  status: CardStatus;
  /** The new card, for replace and report-lost. */
  replacedBy: string | null;
}

/**
 * Freeze, unfreeze, replace, close and report lost. The card row is locked
 * (FOR UPDATE) while it changes: a POS posting re-reads the status under a
 * shared lock, so it sees the change or finishes before it. Points stay on
 * the member, never on a card, so a replacement keeps the balance. Every
 * change is audited on the member. A card reported lost also rotates the
 * member's code secret (POS-API 1.2 member code).
 */
@Injectable()
export class CardLifecycleService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: CardsRepository,
    private readonly cards: CardsService,
    private readonly audit: AuditService,
    private readonly memberCodes: MemberCodesService,
  ) {}

  freeze(actor: Actor, cardNo: string): Promise<CardChange> {
    return this.change(actor, cardNo, 'freeze');
  }

  unfreeze(actor: Actor, cardNo: string): Promise<CardChange> {
    return this.change(actor, cardNo, 'unfreeze');
  }

  close(actor: Actor, cardNo: string): Promise<CardChange> {
    return this.change(actor, cardNo, 'close');
  }

  /** The old card is closed (lost stays lost) and points to a new active card; asking again answers the same new card. */
  replace(actor: Actor, cardNo: string): Promise<CardChange> {
    return this.change(actor, cardNo, 'replace');
  }

  /** For the portal (me/cards): the member's own card is marked lost at once and a replacement is issued. */
  reportLost(actor: Actor, memberId: string, cardNo: string): Promise<CardChange> {
    return this.change(actor, cardNo, 'report_lost', memberId);
  }

  private async change(actor: Actor, cardNo: string, action: CardAction, ownerId?: string): Promise<CardChange> {
    return this.transactions.run(async (m) => {
      const card = await this.repo.lock(m, cardNo);
      if (!card || (ownerId !== undefined && card.member_id !== ownerId)) {
        throw new DomainError(ErrorCode.CARD_NOT_FOUND, `No card ${maskCardNo(cardNo)}${ownerId ? ' of this member' : ''}.`);
      }
      const next = nextCardStatus(card.status, action, card.replaced_by !== null);
      if (next === null) {
        throw new DomainError(
          ErrorCode.CARD_STATUS_CONFLICT,
          `Card ${maskCardNo(cardNo)} is ${card.status}; it cannot be ${pastTense(action)}.`,
          [{ field: 'status', message: card.status }],
        );
      }
      if (next === 'same') {
        return { cardNo, memberId: card.member_id, status: card.status, replacedBy: card.replaced_by };
      }
      const now = new Date();
      let replacedBy: string | null = null;
      if (action === 'replace' || action === 'report_lost') {
        replacedBy = await this.cards.issue(m, card.member_id, card.kind, null, now);
      }
      await this.repo.setStatus(m, cardNo, next, replacedBy, now);
      if (next === 'lost') {
        // The card may be gone with the phone that shows the code: every code made so far stops working.
        await this.memberCodes.rotate(m, card.member_id, now);
      }
      await this.record(m, actor, action, card, next, replacedBy);
      return { cardNo, memberId: card.member_id, status: next, replacedBy };
    });
  }

  private record(m: EntityManager, actor: Actor, action: CardAction, card: LockedCard, next: CardStatus, replacedBy: string | null) {
    return this.audit.record(
      actor,
      `card.${action}`,
      { type: 'member', id: card.member_id },
      { cardNo: card.card_no, from: card.status, to: next, ...(replacedBy ? { newCardNo: replacedBy } : {}) },
      m,
    );
  }
}

function pastTense(action: CardAction): string {
  return { freeze: 'frozen', unfreeze: 'unfrozen', replace: 'replaced', close: 'closed', report_lost: 'reported lost' }[action];
}
