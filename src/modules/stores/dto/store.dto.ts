/** Requests of the store routes. */
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MinLength } from 'class-validator';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';

export class CreateStoreDto {
  /** Short store code, e.g. S001. */
  @ApiProperty({
    type: 'string',
    pattern: '^[A-Za-z0-9_-]{1,32}$',
    maxLength: 32,
    description: 'Short store code, unique.',
    example: 'S001',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be 1 to 32 letters, digits, _ or -' })
  code: string;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: 200, example: 'Store Xuhui' })
  @IsString()
  @MinLength(1)
  @MaxCodePoints(200)
  @IsSafeText()
  name: string;
}
