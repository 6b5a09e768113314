import { ApiProperty } from '@nestjs/swagger';

export class CategoryResponse {
  @ApiProperty({ example: 'baby', description: 'The code the tills send.' })
  code: string;
  @ApiProperty({ example: '母婴' })
  nameZh: string;
  @ApiProperty({ example: 'Mother & baby' })
  nameEn: string;
  @ApiProperty({ type: 'integer', example: 1280, description: 'Purchase lines the tills have sent with this code.' })
  lineCount: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2026-12-01T08:00:00.000Z' })
  lastSeenAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-01T08:00:00.000Z' })
  createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-01T08:00:00.000Z' })
  updatedAt: string;
}

export class CategoryListResponse {
  @ApiProperty({ type: () => [CategoryResponse] })
  items: CategoryResponse[];
  @ApiProperty({ type: 'string', nullable: true, example: null })
  nextCursor: string | null;
}

export class UnknownCategoryResponse {
  @ApiProperty({ example: '红酒', description: 'A code the tills sent that the catalog does not name yet.' })
  code: string;
  @ApiProperty({ type: 'integer', example: 37, description: 'Purchase lines sent with it.' })
  lineCount: number;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-11-20T08:00:00.000Z' })
  firstSeenAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-12-01T08:00:00.000Z' })
  lastSeenAt: string;
}

export class UnknownCategoryListResponse {
  @ApiProperty({ type: () => [UnknownCategoryResponse] })
  items: UnknownCategoryResponse[];
  @ApiProperty({ type: 'string', nullable: true, example: null })
  nextCursor: string | null;
}
