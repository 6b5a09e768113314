import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MemberSearchQuery } from '../members/dto/member-archive.dto';
import { RFM_SEGMENT_KEYS, RfmSegmentKey } from '../campaigns/rules/rfm-segments';

/**
 * The console's member search: the archive's search (members/dto) and, for the analytics page's "See members", an RFM
 * segment. Declared here because the segments are campaign rules, a layer above the members module.
 */
export class AdminMemberSearchQuery extends MemberSearchQuery {
  @ApiPropertyOptional({
    enum: RFM_SEGMENT_KEYS,
    description: "Only members the last value run scored into this RFM segment's cells (member_values.r and .f). Combines with q.",
    example: 'champions',
  })
  @IsOptional()
  @IsIn(RFM_SEGMENT_KEYS, { message: `rfmSegment must be one of ${RFM_SEGMENT_KEYS.join(', ')}` })
  rfmSegment?: RfmSegmentKey;
}
