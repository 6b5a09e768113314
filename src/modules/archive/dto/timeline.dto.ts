import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../../../common/api/pagination';
import { TIMELINE_KINDS, TimelineKind } from '../member-timeline.queries';

export class TimelineQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: TIMELINE_KINDS,
    description: 'Only these kinds (comma-separated or repeated); all when absent.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : (value as unknown)))
  @IsArray()
  @ArrayMaxSize(TIMELINE_KINDS.length)
  @IsIn(TIMELINE_KINDS, { each: true })
  kinds?: TimelineKind[];
}

export class TimelineItemResponse {
  @ApiProperty({ enum: TIMELINE_KINDS, example: 'purchase' })
  kind: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  at: string;
  @ApiProperty({ description: 'The id of the row it comes from (purchase, refund, message, step …).' })
  refId: string;
  @ApiProperty({ type: 'string', nullable: true })
  storeName: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'purchase total, refund, redemption discount.' })
  amountCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Points in (+) or out (−).' })
  points: number | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description:
      'receipt / refund / redemption number, reward name, message template, survey title, case number, tiers, club (names as zh-CN / English).',
  })
  label: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description:
      'redemption or coupon state, message channel and state, complaint step and state, tier reason, club event, the note (masked without members.pii).',
  })
  detail: string | null;
}

export class TimelineResponse {
  @ApiProperty({ type: [TimelineItemResponse] })
  items: TimelineItemResponse[];
  @ApiProperty({ type: 'string', nullable: true })
  nextCursor: string | null;
}
