/** Response shapes of the store and API-key routes, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';

const UUID = { type: 'string', format: 'uuid' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class StoreResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  storeId: string;
  @ApiProperty({ example: 'S001' })
  code: string;
  @ApiProperty({ example: 'Store Xuhui' })
  name: string;
  @ApiProperty({ enum: ['active', 'closed'], example: 'active' })
  status: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.490Z' })
  createdAt: string;
}

export class StoreListResponse {
  @ApiProperty({ type: () => [StoreResponse] })
  stores: StoreResponse[];
}

export class ApiKeyCreatedResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8ba9-77f4-b8a4-746994a0f04e' })
  keyId: string;
  @ApiProperty({
    description: 'The store API key: an opaque bearer key, shown in this answer only. Store it in the till configuration.',
    example: 'pos_8lMMBWImq3vC0pX1b0n2u0QZ3Zq9bW2x',
  })
  key: string;
  @ApiProperty({ ...UUID, example: '01a212aa-8b99-749f-88e9-001ff70d99ce' })
  storeId: string;
}

export class ApiKeySummaryResponse {
  @ApiProperty({ ...UUID, example: '01a212aa-8ba9-77f4-b8a4-746994a0f04e' })
  keyId: string;
  @ApiProperty({ description: 'The first 12 characters of the key, to tell keys apart.', example: 'pos_8lMMBWIm' })
  keyPrefix: string;
  @ApiProperty({ ...DATE_TIME, example: '2026-11-25T12:24:56.490Z' })
  createdAt: string;
  @ApiProperty({ ...DATE_TIME, nullable: true, description: 'null while the key works.', example: null })
  revokedAt: string | null;
}

export class ApiKeyListResponse {
  @ApiProperty({ type: () => [ApiKeySummaryResponse] })
  keys: ApiKeySummaryResponse[];
}
