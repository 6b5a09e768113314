import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';

export class ErrorDetailResponse {
  @ApiProperty({
    description: 'The field at fault, dotted for nested fields (member.cardNo, lines.0.amountCents).',
    example: 'member.cardNo',
  })
  field: string;
  @ApiProperty({ example: 'cardNo must be a 16-digit card number with a valid check digit; re-enter it' })
  message: string;
  @ApiPropertyOptional({
    enum: [
      'expired',
      'not_yet_valid',
      'void',
      'other_member',
      'store',
      'min_spend',
      'not_on_sale',
      'points',
      'stock',
      'limit',
      'tier',
      'club',
    ],
    description:
      '(POS 1.2) COUPON_NOT_VALID: why the coupon cannot be used (expired, not_yet_valid, void, other_member, store, min_spend). Portal REWARD_NOT_AVAILABLE and INSUFFICIENT_POINTS of an exchange: the blocker.',
    example: 'expired',
  })
  reason?: string;
}

export class ErrorResponse {
  @ApiProperty({ type: 'integer', description: 'The HTTP status, repeated.', example: 400 })
  statusCode: number;
  @ApiProperty({
    enum: ErrorCode,
    enumName: 'ErrorCode',
    description: 'Stable machine-readable code: act on this, not on the message.',
    example: 'VALIDATION_FAILED',
  })
  code: ErrorCode;
  @ApiProperty({
    description: 'A sentence a cashier can read.',
    example: 'The request is not valid: cardNo must be a 16-digit card number with a valid check digit; re-enter it.',
  })
  message: string;
  @ApiProperty({ type: () => [ErrorDetailResponse], description: 'One row per bad field; empty when no field is at fault.' })
  details: ErrorDetailResponse[];
}
