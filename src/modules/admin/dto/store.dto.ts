import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateStoreDto {
  /** Short store code, e.g. S001. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be 1 to 32 letters, digits, _ or -' })
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}
