import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminErrors } from '../../common/api/error-responses';
import { ErrorCode } from '../../common/errors/error-code';
import { TimelineQuery, TimelineResponse } from '../archive/dto/timeline.dto';
import { GetMemberTimelineUseCase } from '../archive/use-cases/get-member-timeline.use-case';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { can } from '../auth/permissions';
import { CurrentAdmin } from '../auth/principals';

/** The member's one timeline in the console's archive. */
@ApiTags('admin')
@RequirePermission('members.read')
@Controller('api/v1/admin/members')
export class AdminMemberTimelineController {
  constructor(private readonly timeline: GetMemberTimelineUseCase) {}

  @Get(':memberId/timeline')
  @ApiOperation({
    summary:
      'Every interaction of the member, newest first, paged: purchases, refunds, redemptions, reward exchanges, messages, survey answers, complaint steps, tier and club changes, notes',
  })
  @ApiOkResponse({ type: TimelineResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  page(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', new ParseUUIDPipe()) memberId: string, @Query() q: TimelineQuery) {
    return this.timeline.page(memberId, { kinds: q.kinds, cursor: q.cursor, limit: q.limit, masked: !can(admin.role, 'members.pii') });
  }
}
