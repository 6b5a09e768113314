import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminErrors } from '../../common/api/error-responses';
import { AuditPageResponse, AuditQueryDto } from '../audit/dto/audit.dto';

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
