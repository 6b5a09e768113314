import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { ArrayLength } from '../../../common/validation/array-length';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsCents, IsQuantity } from '../../../common/validation/numbers';
import { IsSafeText } from '../../../common/validation/safe-text';
import { DOCUMENT_NO, DOCUMENT_NO_MESSAGE, MAX_CENTS } from './purchase.dto';

export class RefundLineDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 64, description: 'A sku of the refunded receipt.', example: 'MILK-1L' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(64)
  @IsSafeText()
  sku: string;

  @ApiProperty({ type: 'number', minimum: 0.001, maximum: 1_000_000, multipleOf: 0.001, example: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsQuantity(1_000_000)
  quantity: number;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: MAX_CENTS,
    description: 'Amount given back for this line, in integer cents.',
    example: 1295,
  })
  @IsInt()
  @IsCents(MAX_CENTS)
  amountCents: number;
}

export class RefundDto {
  @ApiProperty({
    type: 'string',
    pattern: DOCUMENT_NO.source,
    minLength: 1,
    maxLength: 64,
    description: 'Unique per store. Letters, digits and . _ : - (starting with a letter or digit), at most 64 characters.',
    example: 'F-0001',
  })
  @IsString()
  @Matches(DOCUMENT_NO, { message: DOCUMENT_NO_MESSAGE })
  refundNo: string;

  /** The receipt being refunded; it must have been posted by the same store. */
  @ApiProperty({
    type: 'string',
    pattern: DOCUMENT_NO.source,
    minLength: 1,
    maxLength: 64,
    description: 'The receipt being refunded; it must have been posted by the same store.',
    example: 'R-0001',
  })
  @IsString()
  @Matches(DOCUMENT_NO, { message: DOCUMENT_NO_MESSAGE })
  receiptNo: string;

  @ApiProperty({ type: () => [RefundLineDto], minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayLength(1, 500)
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  lines: RefundLineDto[];
}
