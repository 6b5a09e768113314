import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MemberImportService } from '../archive/import/member-import.service';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../../common/api/error-responses';
import { ImportDto, ImportRowsQuery, ImportRowsResponse, ImportStartedResponse } from '../archive/dto/member-import.dto';
import { actorOf } from './admin-actor';

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
