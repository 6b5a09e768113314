/** Response shapes of the card routes, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';

const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class MemberCardResponse {
  @ApiProperty({ pattern: '^\\d{16}$', example: '8766314454867138' })
  cardNo: string;
  @ApiProperty({ enum: ['active', 'frozen', 'lost', 'closed'], example: 'active' })
  status: string;
  @ApiProperty({ enum: ['standard', 'temporary'], example: 'standard' })
  kind: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.505Z' })
  issuedAt: string;
}

const UUID = { type: 'string', format: 'uuid' } as const;
const NULLABLE = { type: 'string', nullable: true } as const;

export class CardChangeResponse {
  @ApiProperty({ example: '8000000000000018' })
  cardNo: string;
  @ApiProperty({ ...UUID })
  memberId: string;
  @ApiProperty({ enum: ['active', 'frozen', 'lost', 'closed'], example: 'frozen' })
  status: string;
  @ApiProperty({ ...NULLABLE, description: 'The replacement card (replace).', example: null })
  replacedBy: string | null;
}
