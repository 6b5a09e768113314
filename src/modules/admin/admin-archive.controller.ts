import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { MemberImportService } from '../archive/import/member-import.service';
import { AuditService } from '../audit/audit.service';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminUsersService } from '../auth/admin-users.service';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { CardLifecycleService } from '../cards/card-lifecycle.service';
import { AdminErrors } from '../../common/api/error-responses';
import { AuditPageResponse, AuditQueryDto } from '../audit/dto/audit.dto';
import { CardChangeResponse } from '../cards/dto/card.response';
import { CreateUserDto, UpdateUserDto, UserListResponse, UserResponse } from '../auth/dto/admin-user.dto';
import { ImportDto, ImportRowsQuery, ImportRowsResponse, ImportStartedResponse } from '../archive/dto/member-import.dto';
import { ParseCardNoPipe } from './parse-card-no.pipe';

const actorOf = (a: AdminPrincipal) => ({ type: 'admin' as const, id: a.adminId });

/** The member import: registered before the members controller, so its literal paths win over members/{id}. */
@ApiTags('admin: members')
@Controller('api/v1/admin/members/import')
export class AdminImportController {
  constructor(private readonly imports: MemberImportService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('members.import')
  @ApiOperation({
    summary: 'Import members and opening balances from a CSV (text/csv body, or JSON { csv })',
    description:
      'Columns: external_id, name (required), phone, email, birthday, opening_points. Up to 200,000 rows, 32 MB. Each row is validated; ' +
      'the job reports accepted, exists (the external id was imported before) and rejected rows with their errors. Opening balances become adjustment entries.',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ type: ImportDto })
  @ApiAcceptedResponse({ type: ImportStartedResponse })
  @AdminErrors()
  start(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: ImportDto) {
    return this.imports.start(actorOf(admin), dto.csv);
  }

  @Get(':jobId/rows')
  @RequirePermission('members.import')
  @ApiOperation({ summary: "An import's rows with their outcome and errors, in file order; filter by status" })
  @ApiOkResponse({ type: ImportRowsResponse })
  @AdminErrors()
  rows(@Param('jobId', new ParseUUIDPipe()) jobId: string, @Query() query: ImportRowsQuery) {
    return this.imports.rows(jobId, query.status, query.cursor ?? 0, query.limit ?? 50);
  }
}

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

@ApiTags('admin: users')
@Controller('api/v1/admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Console users and their roles' })
  @ApiOkResponse({ type: UserListResponse })
  @AdminErrors()
  async list() {
    return { users: await this.users.list() };
  }

  @Post()
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Create a console user with a role (admin, marketer, analyst, support)' })
  @ApiCreatedResponse({ type: UserResponse })
  @AdminErrors(ErrorCode.USER_EMAIL_TAKEN)
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateUserDto) {
    return this.users.create(actorOf(admin), dto);
  }

  @Patch(':userId')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: "Change a user's role, or disable / enable them (audited)" })
  @ApiOkResponse({ type: UserResponse })
  @AdminErrors(ErrorCode.USER_NOT_FOUND)
  update(@CurrentAdmin() admin: AdminPrincipal, @Param('userId', new ParseUUIDPipe()) userId: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actorOf(admin), userId, dto);
  }
}

@ApiTags('admin: audit')
@Controller('api/v1/admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'The audit log, newest first: filter by actor, member, type (an action or a prefix such as card.) and time' })
  @ApiOkResponse({ type: AuditPageResponse })
  @AdminErrors()
  search(@Query() q: AuditQueryDto) {
    return this.audit.search({
      actor: q.actor,
      member: q.member,
      type: q.type,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      before: q.cursor,
      limit: q.limit ?? 50,
    });
  }
}
