/** Response shapes of member creation. */
import { ApiProperty } from '@nestjs/swagger';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;
const NULLABLE_STRING = { type: 'string', nullable: true } as const;

export class MemberCreatedResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8bb9-742a-810d-39e0f747ae17' })
  memberId: string;
  @ApiProperty({ pattern: '^\\d{16}$', description: 'The card issued with the member.', example: '8766314454867138' })
  cardNo: string;
  @ApiProperty({ ...NULLABLE_STRING, example: '张三' })
  name: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: '+8613800138000' })
  phone: string | null;
  @ApiProperty({ ...NULLABLE_STRING, example: null })
  email: string | null;
  @ApiProperty({ ...NULLABLE_STRING, format: 'date', example: null })
  birthday: string | null;
  @ApiProperty({ description: 'Tier code.', example: 'STANDARD' })
  tier: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  createdAt: string;
}
