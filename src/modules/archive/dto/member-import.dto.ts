/** Requests and answers of the member import routes (CSV in, a job and its rows out). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { IdCursorQuery } from '../../../common/api/pagination';

const UUID = { type: 'string', format: 'uuid' } as const;
const NULLABLE = { type: 'string', nullable: true } as const;

export class ImportDto {
  @ApiProperty({
    description: 'The CSV (or send the file itself as text/csv). Header: external_id,name[,phone,email,birthday,opening_points].',
    example: 'external_id,name,phone,email,birthday,opening_points\nOLD-1,李四,+8613800138000,li@example.com,1990-05-17,1200\n',
  })
  @IsString()
  @MinLength(1)
  csv: string;
}

export class ImportStartedResponse {
  @ApiProperty({ ...UUID, description: 'Follow at GET /api/v1/admin/jobs/{jobId}; rows at GET members/import/{jobId}/rows.' })
  jobId: string;
  @ApiProperty({ type: 'integer', example: 100000 })
  rows: number;
  @ApiProperty({ type: 'integer', example: 100 })
  parts: number;
}

export class ImportRowsQuery extends IdCursorQuery {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'exists', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'exists', 'rejected'])
  status?: 'pending' | 'accepted' | 'exists' | 'rejected';
}

export class ImportRowResponse {
  @ApiProperty({ type: 'integer', description: 'Data line (1 is the first line after the header).' })
  row: number;
  @ApiProperty({ ...NULLABLE, example: 'OLD-7' })
  externalId: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'exists', 'rejected'] })
  status: string;
  @ApiProperty({ type: [String], example: ['phone: E.164, e.g. +8613800138000'] })
  errors: string[];
  @ApiProperty({ ...UUID, nullable: true })
  memberId: string | null;
}

export class ImportRowsResponse {
  @ApiProperty({ type: () => [ImportRowResponse] })
  items: ImportRowResponse[];
  @ApiProperty({ type: 'integer', nullable: true })
  nextCursor: number | null;
}
