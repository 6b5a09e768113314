import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsString, Matches, ValidateNested } from 'class-validator';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { IsSingleMemberRef, MemberRefDto } from './member-ref.dto';
import { DOCUMENT_NO, DOCUMENT_NO_MESSAGE } from './purchase.dto';

export class RedemptionDto {
  @ApiProperty({
    type: 'string',
    pattern: DOCUMENT_NO.source,
    minLength: 1,
    maxLength: 64,
    description: 'Unique per store. Letters, digits and . _ : - (starting with a letter or digit), at most 64 characters.',
    example: 'D-0001',
  })
  @IsString()
  @Matches(DOCUMENT_NO, { message: DOCUMENT_NO_MESSAGE })
  redemptionNo: string;

  @ApiProperty({ type: () => MemberRefDto, description: 'Exactly one of cardNo, phone or memberId.' })
  @IsDefined()
  @IsSingleMemberRef()
  @ValidateNested()
  @Type(() => MemberRefDto)
  member: MemberRefDto;

  /** Points to spend; at the default rate 100 points pay ¥1 (100 cents). */
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    maximum: 1_000_000_000,
    description: 'Points to spend; at the default rate 100 points pay ¥1 (100 cents).',
    example: 500,
  })
  @IsInt()
  @IsIntegerBetween(1, 1_000_000_000)
  points: number;
}
