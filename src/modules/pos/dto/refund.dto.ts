import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DOCUMENT_NO, DOCUMENT_NO_MESSAGE, MAX_CENTS } from './purchase.dto';

export class RefundLineDto {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  sku: string;

  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(1_000_000)
  quantity: number;

  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
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
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  lines: RefundLineDto[];
}
