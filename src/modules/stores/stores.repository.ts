import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectOne } from '../../database/sql';
import { ApiKey } from './entities/api-key.entity';
import { Store } from './entities/store.entity';

/** The owner of `stores` and `api_keys`. */
@Injectable()
export class StoresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A code already taken fails with a duplicate key. */
  async insertStore(m: EntityManager, store: Store): Promise<void> {
    await m.insert(Store, store);
  }

  listStores(): Promise<Store[]> {
    return this.dataSource.getRepository(Store).find({ order: { code: 'ASC' } });
  }

  findStore(storeId: string): Promise<Store | null> {
    return this.dataSource.getRepository(Store).findOne({ where: { id: storeId } });
  }

  async insertApiKey(m: EntityManager, key: ApiKey): Promise<void> {
    await m.insert(ApiKey, key);
  }

  listApiKeys(storeId: string): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ where: { storeId }, order: { createdAt: 'DESC' } });
  }

  /** The key's hash, locked for a revocation; null when there is no such key. */
  async lockApiKeyHash(m: EntityManager, keyId: string): Promise<string | null> {
    const r = await selectOne<{ key_hash: string }>(m, 'SELECT key_hash FROM api_keys WHERE id = ? FOR UPDATE', [keyId]);
    return r?.key_hash ?? null;
  }

  /** Revoked once: a second revocation keeps the first time. */
  async revokeApiKey(m: EntityManager, keyId: string, now: Date): Promise<void> {
    await execute(m, 'UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [now, keyId]);
  }

  /** The store of a valid key (not revoked, store active), by the key's hash. */
  activeKey(keyHash: string): Promise<{ key_id: string; store_id: string; code: string } | null> {
    return selectOne<{ key_id: string; store_id: string; code: string }>(
      this.dataSource.manager,
      `SELECT k.id AS key_id, s.id AS store_id, s.code
         FROM api_keys k JOIN stores s ON s.id = k.store_id
        WHERE k.key_hash = ? AND k.revoked_at IS NULL AND s.status = 'active'`,
      [keyHash],
    );
  }
}
