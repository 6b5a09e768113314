/** Requests and answers of the audit log route. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IdCursorQuery } from '../../../common/api/pagination';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE = { type: 'string', nullable: true } as const;

export class AuditQueryDto extends IdCursorQuery {
  @ApiPropertyOptional({ description: 'Actor id: an admin user id, store id or member id.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ ...UUID, description: 'Entries about this member.' })
  @IsOptional()
  @IsUUID()
  member?: string;

  @ApiPropertyOptional({ description: 'An action (points.adjusted), or a prefix ending in a dot (card.).', example: 'card.' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]*)?$/, { message: 'type: an action such as points.adjusted, or a prefix such as card.' })
  type?: string;

  @ApiPropertyOptional({ ...DATE_TIME })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ ...DATE_TIME, description: 'Exclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ type: 'integer', format: 'int64' })
  id: number;
  @ApiProperty({ enum: ['admin', 'store', 'member', 'system'] })
  actorType: string;
  @ApiProperty({ ...NULLABLE })
  actorId: string | null;
  @ApiProperty({ ...NULLABLE, example: 'support@example.com' })
  actorEmail: string | null;
  @ApiProperty({ example: 'card.freeze' })
  action: string;
  @ApiProperty({ example: 'member' })
  entityType: string;
  @ApiProperty()
  entityId: string;
  @ApiProperty({ nullable: true, example: { cardNo: '8000000000000018', from: 'active', to: 'frozen' } })
  changes: unknown;
  @ApiProperty({ ...DATE_TIME })
  createdAt: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: () => [AuditEntryResponse] })
  items: AuditEntryResponse[];
  @ApiProperty({ type: 'integer', nullable: true })
  nextCursor: number | null;
}
