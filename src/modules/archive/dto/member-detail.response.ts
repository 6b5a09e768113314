/** A member's detail as the admin console shows it: profile, tier, points and cards. */
import { ApiProperty } from '@nestjs/swagger';
import { PointsSummaryResponse } from '../../points/dto/points.response';
import { MemberTierResponse } from '../../tiers/dto/tiers.response';
import { MemberCardResponse } from '../../cards/dto/card.response';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE_STRING = { type: 'string', nullable: true } as const;

export class MemberDetailResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  memberId: string;
  @ApiProperty({ enum: ['active', 'temporary', 'merged', 'erasing', 'erased'], example: 'active' })
  status: string;
  @ApiProperty({ ...UUID, nullable: true, description: 'When status is merged: the member it was merged into.', example: null })
  mergedInto: string | null;
  @ApiProperty({ description: 'False when the caller lacks members.pii: name, phone and email are masked.', example: true })
  unmasked: boolean;
  @ApiProperty({ type: [String], example: ['b2b'] })
  tags: string[];
  @ApiProperty({ ...NULLABLE_STRING, example: '张三' })
  name: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: '+8613800138000' })
  phone: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  email: string | null;
  @ApiProperty({ ...NULLABLE_STRING, format: 'date', example: null })
  birthday: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  gender: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  city: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  address: string | null;
  @ApiProperty({ type: () => MemberTierResponse })
  tier: MemberTierResponse;
  @ApiProperty({ type: () => PointsSummaryResponse })
  points: PointsSummaryResponse;
  @ApiProperty({ type: () => [MemberCardResponse] })
  cards: MemberCardResponse[];
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  createdAt: string;
}
