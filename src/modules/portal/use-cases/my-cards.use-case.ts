import { Injectable } from '@nestjs/common';
import { CardLifecycleService } from '../../cards/card-lifecycle.service';
import { LedgerService } from '../../points/ledger.service';
import { PortalQueries } from '../portal.queries';

/** GET me/cards and POST me/cards/{cardNo}/report-lost (frozen at once as lost, a replacement issued, the balance stays with the member). */
@Injectable()
export class MyCardsUseCase {
  constructor(
    private readonly repo: PortalQueries,
    private readonly lifecycle: CardLifecycleService,
    private readonly ledger: LedgerService,
  ) {}

  async list(memberId: string) {
    const cards = await this.repo.cards(memberId);
    return {
      items: cards.map((c) => ({ cardNo: c.cardNo, status: c.status, replacedBy: c.replacedBy, issuedAt: c.issuedAt.toISOString() })),
    };
  }

  /** Only the member's own card (another's answers CARD_NOT_FOUND, saying nothing about it); asking again answers the same replacement. */
  async reportLost(memberId: string, cardNo: string) {
    const change = await this.lifecycle.reportLost({ type: 'member', id: memberId }, memberId, cardNo);
    return {
      cardNo: change.cardNo,
      status: change.status,
      replacementCardNo: change.replacedBy,
      points: await this.ledger.summary(memberId),
    };
  }
}
