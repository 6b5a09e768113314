import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ArrayLength } from '../../../common/validation/array-length';
import { IsCategoryCode } from '../../../common/validation/category-code';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsNotInFuture } from '../../../common/validation/not-in-future';
import { IsCents, IsQuantity } from '../../../common/validation/numbers';
import { IsSafeText } from '../../../common/validation/safe-text';
import { IsSingleMemberRef, MemberRefDto } from './member-ref.dto';

/** Receipt, refund and redemption numbers: printable, URL-safe, at most 64 characters. */
export const DOCUMENT_NO = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const DOCUMENT_NO_MESSAGE = '$property must be 1 to 64 letters, digits or . _ : - (starting with a letter or digit)';
/** (1.2) A coupon code as a till may send it. */
export const COUPON_CODE = /^[A-Za-z0-9-]{1,32}$/;
/** ISO 8601 with an explicit offset (Z or ±hh:mm). */
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** ¥1,000,000,000 in cents: a sanity cap on one line or one receipt. */
export const MAX_CENTS = 100_000_000_000;

export class PurchaseLineDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 64, example: 'MILK-1L' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(64)
  @IsSafeText()
  sku: string;

  /** Category code, e.g. dairy, wine, tobacco, gift_card. */
  @ApiProperty({
    type: 'string',
    minLength: 1,
    maxLength: 64,
    description: 'Category code; tobacco and gift_card earn no points by default.',
    example: 'dairy',
  })
  @IsCategoryCode()
  category: string;

  /** Units (up to 3 decimals for weighed goods). */
  @ApiProperty({
    type: 'number',
    minimum: 0.001,
    maximum: 1_000_000,
    multipleOf: 0.001,
    description: 'Units; up to 3 decimals for weighed goods.',
    example: 2,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsQuantity(1_000_000)
  quantity: number;

  /** Line amount after line discounts, in cents. */
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: MAX_CENTS,
    description: 'What the member paid for the line after every discount (the points discount included), in integer cents.',
    example: 2590,
  })
  @IsInt()
  @IsCents(MAX_CENTS)
  amountCents: number;
}

export class PurchaseDto {
  @ApiProperty({
    type: 'string',
    pattern: DOCUMENT_NO.source,
    minLength: 1,
    maxLength: 64,
    description: 'Unique per store. Letters, digits and . _ : - (starting with a letter or digit), at most 64 characters.',
    example: 'R-0001',
  })
  @IsString()
  @Matches(DOCUMENT_NO, { message: DOCUMENT_NO_MESSAGE })
  receiptNo: string;

  @ApiProperty({ type: () => MemberRefDto, description: 'Exactly one of cardNo, phone or memberId.' })
  @IsDefined()
  @IsSingleMemberRef()
  @ValidateNested()
  @Type(() => MemberRefDto)
  member: MemberRefDto;

  /** When the sale happened at the till, e.g. 2026-11-24T10:00:00+08:00. */
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    description:
      'When the sale happened at the till: ISO 8601 with an offset. Not more than 5 minutes in the future; not older than the offline acceptance window (default 30 days).',
    example: '2026-11-24T10:00:00+08:00',
  })
  @IsString()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_OFFSET, { message: 'occurredAt must carry a time zone offset, e.g. +08:00 or Z' })
  @IsNotInFuture()
  occurredAt: string;

  @ApiProperty({ type: () => [PurchaseLineDto], minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayLength(1, 500)
  @ValidateNested({ each: true })
  @Type(() => PurchaseLineDto)
  lines: PurchaseLineDto[];

  /** Must equal the sum of the lines' amountCents. */
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: MAX_CENTS * 10,
    description: "Integer cents; must equal the sum of the lines' amountCents.",
    example: 2590,
  })
  @IsInt()
  @IsCents(MAX_CENTS * 10)
  totalCents: number;

  /** (1.2) Codes of the coupons the till applied (it gave their discount itself: lines stay net of it). */
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', pattern: COUPON_CODE.source, maxLength: 32 },
    maxItems: 10,
    uniqueItems: true,
    description:
      '(1.2) The coupons applied, checked first with GET coupons/{code}. Redeemed with the purchase or the whole purchase is refused with the first coupon error (offline batch: rejected, the sale posts).',
    example: ['K7MX3QH9TD2WR8PA'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(COUPON_CODE, { each: true, message: 'each coupon code must be 1 to 32 letters, digits or -' })
  coupons?: string[];
}

export class PurchaseBatchDto {
  /** Up to 500 purchase bodies; each is validated and posted as if alone. */
  @ApiProperty({
    type: () => [PurchaseDto],
    minItems: 1,
    maxItems: 500,
    description: 'Up to 500 purchase bodies; each is validated and posted as if alone.',
  })
  @IsArray()
  @ArrayLength(1, 500)
  transactions: unknown[];
}
