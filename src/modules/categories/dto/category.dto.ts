import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const NOT_BLANK = /\S/;
const NOT_BLANK_MESSAGE = '$property must not be blank';
import { CATEGORY_CODE_MAX, IsCategoryCode } from '../../../common/validation/category-code';
import { MaxCodePoints } from '../../../common/validation/max-code-points';
import { IsSafeText } from '../../../common/validation/safe-text';

/** The most entries one page of the catalog holds: enough for a picker to load the whole catalog of a chain. */
export const CATEGORY_PAGE_MAX = 500;

export class CreateCategoryDto {
  @ApiProperty({
    type: 'string',
    minLength: 1,
    maxLength: CATEGORY_CODE_MAX,
    example: 'baby',
    description: 'The code as the tills send it (any text, e.g. wine or 红酒; stored lower-cased, compared without case).',
  })
  @IsCategoryCode()
  code: string;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: 100, example: '母婴', description: 'Name in zh-CN.' })
  @IsString()
  @MinLength(1)
  @Matches(NOT_BLANK, { message: NOT_BLANK_MESSAGE })
  @MaxCodePoints(100)
  @IsSafeText()
  nameZh: string;

  @ApiProperty({ type: 'string', minLength: 1, maxLength: 100, example: 'Mother & baby', description: 'Name in English.' })
  @IsString()
  @MinLength(1)
  @Matches(NOT_BLANK, { message: NOT_BLANK_MESSAGE })
  @MaxCodePoints(100)
  @IsSafeText()
  nameEn: string;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: 100, example: '母婴用品' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @Matches(NOT_BLANK, { message: NOT_BLANK_MESSAGE })
  @MaxCodePoints(100)
  @IsSafeText()
  nameZh?: string;

  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: 100, example: 'Baby care' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @Matches(NOT_BLANK, { message: NOT_BLANK_MESSAGE })
  @MaxCodePoints(100)
  @IsSafeText()
  nameEn?: string;
}

export class CategoryListQuery {
  @ApiPropertyOptional({ type: 'string', maxLength: 100, description: 'Part of the code or of either name.', example: '母婴' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSafeText()
  q?: string;

  @ApiPropertyOptional({ type: 'string', maxLength: CATEGORY_CODE_MAX, description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxCodePoints(CATEGORY_CODE_MAX)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: CATEGORY_PAGE_MAX, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CATEGORY_PAGE_MAX)
  limit?: number;
}

export class UnknownCategoryListQuery {
  @ApiPropertyOptional({ type: 'string', maxLength: 100, description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
