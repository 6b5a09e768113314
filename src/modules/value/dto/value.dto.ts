/** Requests of the customer-value settings routes. */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { IsIntegerBetween } from '../../../common/validation/numbers';

export class ValueWeightsDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000, example: 600, description: 'Weight of 12-month spend, in thousandths' })
  @IsIntegerBetween(0, 10_000)
  spendPermille: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000, example: 200, description: 'Weight of points earned in 12 months' })
  @IsIntegerBetween(0, 10_000)
  pointsPermille: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000, example: 200, description: 'Weight of the purchase count in 12 months' })
  @IsIntegerBetween(0, 10_000)
  purchasesPermille: number;
}

export class ValueReferenceDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1_000_000,
    description: '12-month spend (cents) that counts as one unit of the spend figure',
  })
  @IsIntegerBetween(1, 100_000_000_000)
  spendCents: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 10_000, description: 'Points earned in 12 months that count as one unit' })
  @IsIntegerBetween(1, 1_000_000_000)
  points: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 24, description: 'Purchases in 12 months that count as one unit' })
  @IsIntegerBetween(1, 1_000_000)
  purchases: number;
}

export class GradeSharesDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 100,
    example: 80,
    description: 'Grade A: the members who together bring this share of value, percent',
  })
  @IsIntegerBetween(1, 100)
  aPercent: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 99,
    example: 15,
    description: 'Grade B: the next share of value, percent (aPercent + bPercent ≤ 100); C is the rest',
  })
  @IsIntegerBetween(0, 99)
  bPercent: number;
}

/** The whole value settings (PUT replaces them). */
export class ValueSettingsDto {
  @ApiProperty({ type: ValueWeightsDto, description: 'At least one weight above 0' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ValueWeightsDto)
  weights: ValueWeightsDto;

  @ApiProperty({ type: ValueReferenceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ValueReferenceDto)
  reference: ValueReferenceDto;

  @ApiProperty({ type: GradeSharesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => GradeSharesDto)
  grades: GradeSharesDto;
}
