/** Response shapes of the job routes (a started job, its progress and errors). */
import { ApiProperty } from '@nestjs/swagger';

/** 202 of every route that starts a job over member-id ranges (regroup, value run, rank review, snapshot, ...). */
export class JobAcceptedResponse {
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    description: 'Follow it at GET /api/v1/admin/jobs/{jobId}.',
    example: '01a212aa-8b99-749f-88e9-001ff70d99ce',
  })
  jobId: string;
}

export class JobErrorResponse {
  @ApiProperty({ type: 'integer', example: 3 })
  part: number;
  @ApiProperty({ example: 'Connection lost' })
  message: string;
}

export class JobViewResponse {
  @ApiProperty({ format: 'uuid', example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  jobId: string;
  @ApiProperty({ example: 'points-expiry' })
  kind: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'], example: 'running' })
  state: string;
  @ApiProperty({ type: 'integer', description: 'Parts (member-id ranges) in all', example: 100 })
  total: number;
  @ApiProperty({ type: 'integer', example: 42 })
  done: number;
  @ApiProperty({ type: 'integer', example: 0 })
  failed: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 42 })
  percent: number;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { asOf: '2026-11-25T03:30:00.000Z' } })
  params: unknown;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { members: 1200, lots: 1300, points: 45000 } })
  totals: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: null })
  result: unknown;
  @ApiProperty({ type: [JobErrorResponse] })
  errors: JobErrorResponse[];
  @ApiProperty({ format: 'date-time', example: '2026-11-25T03:30:00.000Z' })
  createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  finishedAt: string | null;
}
