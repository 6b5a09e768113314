import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import { ArrayLength } from '../../../common/validation/array-length';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsCents, IsQuantity } from '../../../common/validation/numbers';
import { IsSafeText } from '../../../common/validation/safe-text';
import { DOCUMENT_NO, DOCUMENT_NO_MESSAGE, MAX_CENTS } from './purchase.dto';

export class RefundLineDto {
  @IsString()
  @MinLength(1)
  @MaxCodePoints(64)
  @IsSafeText()
  sku: string;

  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsQuantity(1_000_000)
  quantity: number;

  @IsInt()
  @IsCents(MAX_CENTS)
  amountCents: number;
}

export class RefundDto {
  @IsString()
  @Matches(DOCUMENT_NO, { message: DOCUMENT_NO_MESSAGE })
  refundNo: string;

  /** The receipt being refunded; it must have been posted by the same store. */
  @IsString()
  @Matches(DOCUMENT_NO, { message: DOCUMENT_NO_MESSAGE })
  receiptNo: string;

  @IsArray()
  @ArrayLength(1, 500)
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  lines: RefundLineDto[];
}
