import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { CardLifecycleService } from '../cards/card-lifecycle.service';
import { AdminErrors } from '../../common/api/error-responses';
import { CardChangeResponse } from '../cards/dto/card.response';
import { ParseCardNoPipe } from './parse-card-no.pipe';
import { actorOf } from './admin-actor';

@ApiTags('admin: cards')
@Controller('api/v1/admin/cards')
export class AdminCardsController {
  constructor(private readonly cards: CardLifecycleService) {}

  @Post(':cardNo/freeze')
  @HttpCode(200)
  @RequirePermission('cards.manage')
  @ApiOperation({ summary: 'Freeze a card: every POS route refuses it (CARD_INACTIVE) until unfrozen' })
  @ApiOkResponse({ type: CardChangeResponse })
  @AdminErrors(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_STATUS_CONFLICT)
  freeze(@CurrentAdmin() admin: AdminPrincipal, @Param('cardNo', ParseCardNoPipe) cardNo: string) {
    return this.cards.freeze(actorOf(admin), cardNo);
  }

  @Post(':cardNo/unfreeze')
  @HttpCode(200)
  @RequirePermission('cards.manage')
  @ApiOperation({ summary: 'Unfreeze a frozen card' })
  @ApiOkResponse({ type: CardChangeResponse })
  @AdminErrors(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_STATUS_CONFLICT)
  unfreeze(@CurrentAdmin() admin: AdminPrincipal, @Param('cardNo', ParseCardNoPipe) cardNo: string) {
    return this.cards.unfreeze(actorOf(admin), cardNo);
  }

  @Post(':cardNo/replace')
  @HttpCode(200)
  @RequirePermission('cards.manage')
  @ApiOperation({
    summary:
      'Replace a card: the old one is closed (a lost one stays lost) with replacedBy, a new active card is issued; the balance stays with the member',
  })
  @ApiOkResponse({ type: CardChangeResponse })
  @AdminErrors(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_STATUS_CONFLICT)
  replace(@CurrentAdmin() admin: AdminPrincipal, @Param('cardNo', ParseCardNoPipe) cardNo: string) {
    return this.cards.replace(actorOf(admin), cardNo);
  }

  @Post(':cardNo/close')
  @HttpCode(200)
  @RequirePermission('cards.manage')
  @ApiOperation({ summary: 'Close a card for good' })
  @ApiOkResponse({ type: CardChangeResponse })
  @AdminErrors(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_STATUS_CONFLICT)
  close(@CurrentAdmin() admin: AdminPrincipal, @Param('cardNo', ParseCardNoPipe) cardNo: string) {
    return this.cards.close(actorOf(admin), cardNo);
  }
}
