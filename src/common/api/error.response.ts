import { ApiProperty } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';

export class ErrorDetailResponse {
  @ApiProperty({
    description: 'The field at fault, dotted for nested fields (member.cardNo, lines.0.amountCents).',
    example: 'member.cardNo',
  })
  field: string;
  @ApiProperty({ example: 'cardNo must be a 16-digit card number with a valid check digit; re-enter it' })
  message: string;
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
