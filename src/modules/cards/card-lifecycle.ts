import { CardStatus } from './entities/card.entity';

export type CardAction = 'freeze' | 'unfreeze' | 'replace' | 'close' | 'report_lost';

/**
 * The card state machine. Answers the status after the action, 'same' when
 * the card is already there (a repeated request changes nothing), or null
 * when the action is not allowed from this status.
 *
 *   active ⇄ frozen; active|frozen → closed; active|frozen → lost (reported lost);
 *   replace: active|frozen|lost → closed (or lost when reported lost), with a new active card.
 */
export function nextCardStatus(status: CardStatus, action: CardAction, replaced: boolean): CardStatus | 'same' | null {
  if (replaced && (action === 'replace' || action === 'report_lost')) {
    return 'same';
  }
  switch (action) {
    case 'freeze':
      return status === 'active' ? 'frozen' : status === 'frozen' ? 'same' : null;
    case 'unfreeze':
      return status === 'frozen' ? 'active' : status === 'active' ? 'same' : null;
    case 'close':
      return status === 'closed' ? 'same' : status === 'lost' ? null : 'closed';
    case 'replace':
      return status === 'closed' ? null : status === 'lost' ? 'lost' : 'closed';
    case 'report_lost':
      return status === 'closed' ? null : 'lost';
  }
}
