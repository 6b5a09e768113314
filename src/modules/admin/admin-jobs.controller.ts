import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { JobRunsService } from '../jobs/job-runs.service';
import { AdminErrors } from '../../common/api/error-responses';
import { JobViewResponse } from '../jobs/dto/job.response';

@ApiTags('admin')
@RequirePermission('jobs.read')
@Controller('api/v1/admin/jobs')
export class AdminJobsController {
  constructor(private readonly jobs: JobRunsService) {}

  @Get(':jobId')
  @ApiOperation({
    summary: 'Progress of a long job (tier review, regroup, campaign fan-out, expiry): parts done of total, state, figures so far, errors',
  })
  @ApiOkResponse({ type: JobViewResponse })
  @AdminErrors(ErrorCode.JOB_NOT_FOUND)
  get(@Param('jobId', new ParseUUIDPipe()) jobId: string) {
    return this.jobs.view(jobId);
  }
}
