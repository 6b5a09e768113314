import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsString, Matches, ValidateNested } from 'class-validator';
import { IsIntegerBetween } from '../../../common/validation/numbers';
import { IsSingleMemberRef, MemberRefDto } from './member-ref.dto';
import { DOCUMENT_NO, DOCUMENT_NO_MESSAGE } from './purchase.dto';

export class RedemptionDto {
  @IsString()
  @Matches(DOCUMENT_NO, { message: DOCUMENT_NO_MESSAGE })
  redemptionNo: string;

  @IsDefined()
  @IsSingleMemberRef()
  @ValidateNested()
  @Type(() => MemberRefDto)
  member: MemberRefDto;

  /** Points to spend; at the default rate 100 points pay ¥1 (100 cents). */
  @IsInt()
  @IsIntegerBetween(1, 1_000_000_000)
  points: number;
}
