import { IsOptional, IsString, Matches, Validate } from 'class-validator';
import { CardNoConstraint, E164 } from './member-ref.dto';

/** Give cardNo or phone, not both. */
export class LookupQueryDto {
  @IsOptional()
  @IsString()
  @Validate(CardNoConstraint)
  cardNo?: string;

  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'phone must be in E.164 form, e.g. +8613800138000' })
  phone?: string;
}
