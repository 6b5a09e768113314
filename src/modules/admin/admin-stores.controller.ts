import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code';
import { CurrentAdmin } from '../auth/principals';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { AdminErrors } from '../../common/api/error-responses';
import { StoresService } from '../stores/stores.service';
import { ApiKeyCreatedResponse, ApiKeyListResponse, StoreListResponse, StoreResponse } from '../stores/dto/store.response';
import { CreateStoreDto } from '../stores/dto/store.dto';
import { actorOf } from './admin-actor';

@ApiTags('admin')
@RequirePermission('stores.manage')
@Controller('api/v1/admin')
export class AdminStoresController {
  constructor(private readonly stores: StoresService) {}

  @Post('stores')
  @ApiOperation({ summary: 'Create a store' })
  @ApiCreatedResponse({ type: StoreResponse })
  @AdminErrors(ErrorCode.STORE_CODE_TAKEN)
  async create(@CurrentAdmin() admin: AdminPrincipal, @Body() dto: CreateStoreDto) {
    const store = await this.stores.createStore(actorOf(admin), dto.code, dto.name);
    return { storeId: store.id, code: store.code, name: store.name, status: store.status, createdAt: store.createdAt.toISOString() };
  }

  @Get('stores')
  @ApiOperation({ summary: 'List stores' })
  @ApiOkResponse({ type: StoreListResponse })
  @AdminErrors()
  async list() {
    const stores = await this.stores.listStores();
    return {
      stores: stores.map((s) => ({ storeId: s.id, code: s.code, name: s.name, status: s.status, createdAt: s.createdAt.toISOString() })),
    };
  }

  @Post('stores/:storeId/api-keys')
  @ApiOperation({ summary: 'Create a POS API key for the store. The key is shown in this answer only.' })
  @ApiCreatedResponse({ type: ApiKeyCreatedResponse, description: 'The key, shown this once' })
  @AdminErrors(ErrorCode.STORE_NOT_FOUND)
  createKey(@CurrentAdmin() admin: AdminPrincipal, @Param('storeId', new ParseUUIDPipe()) storeId: string) {
    return this.stores.createApiKey(actorOf(admin), storeId);
  }

  @Get('stores/:storeId/api-keys')
  @ApiOperation({ summary: "List a store's keys (prefixes only)" })
  @ApiOkResponse({ type: ApiKeyListResponse })
  @AdminErrors()
  async listKeys(@Param('storeId', new ParseUUIDPipe()) storeId: string) {
    const keys = await this.stores.listApiKeys(storeId);
    return {
      keys: keys.map((k) => ({
        keyId: k.id,
        keyPrefix: k.keyPrefix,
        createdAt: k.createdAt.toISOString(),
        revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
      })),
    };
  }

  @Delete('api-keys/:keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key; it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked); no body' })
  @AdminErrors(ErrorCode.API_KEY_NOT_FOUND)
  async revokeKey(@CurrentAdmin() admin: AdminPrincipal, @Param('keyId', new ParseUUIDPipe()) keyId: string): Promise<void> {
    await this.stores.revokeApiKey(actorOf(admin), keyId);
  }
}
