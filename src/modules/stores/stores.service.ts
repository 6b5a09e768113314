import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { newId } from '../../common/ids';
import { Transactions } from '../../database/transactions';
import { Actor, AuditService } from '../audit/audit.service';
import { StorePrincipal } from '../auth/auth.types';
import { generateApiKey, hashApiKey } from './api-key';
import { ApiKeyCache } from './api-key-cache';
import { ApiKey } from './entities/api-key.entity';
import { Store } from './entities/store.entity';
import { StoresRepository } from './stores.repository';

/** How long a key found unknown (or revoked) is answered 401 without asking the database. */
export const UNKNOWN_KEY_CACHE_MS = 30_000;
const UNKNOWN_KEY_CACHE_MAX_ENTRIES = 10_000;

@Injectable()
export class StoresService {
  private readonly unknownKeys = new Map<string, number>();

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: StoresRepository,
    private readonly audit: AuditService,
    private readonly keyCache: ApiKeyCache,
  ) {}

  async createStore(actor: Actor, code: string, name: string): Promise<Store> {
    const store: Store = { id: newId(), code, name, status: 'active', createdAt: new Date() };
    try {
      await this.transactions.run(async (m) => {
        await this.repo.insertStore(m, store);
        await this.audit.record(actor, 'store.created', { type: 'store', id: store.id }, { code, name }, m);
      });
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new DomainError(ErrorCode.STORE_CODE_TAKEN, `A store with code ${code} already exists.`, [
          { field: 'code', message: 'already taken' },
        ]);
      }
      throw err;
    }
    return store;
  }

  async listStores(): Promise<Store[]> {
    return this.repo.listStores();
  }

  /** Creates a key for the store. The key is returned here and never again. */
  async createApiKey(actor: Actor, storeId: string): Promise<{ keyId: string; key: string; storeId: string }> {
    const store = await this.repo.findStore(storeId);
    if (!store) {
      throw new DomainError(ErrorCode.STORE_NOT_FOUND, `No store with id ${storeId}.`);
    }
    const key = generateApiKey();
    const row: ApiKey = {
      id: newId(),
      storeId,
      keyHash: hashApiKey(key),
      keyPrefix: key.slice(0, 12),
      createdBy: actor.id,
      createdAt: new Date(),
      revokedAt: null,
    };
    await this.transactions.run(async (m) => {
      await this.repo.insertApiKey(m, row);
      await this.audit.record(actor, 'api_key.created', { type: 'api_key', id: row.id }, { storeId, keyPrefix: row.keyPrefix }, m);
    });
    return { keyId: row.id, key, storeId };
  }

  async listApiKeys(storeId: string): Promise<ApiKey[]> {
    return this.repo.listApiKeys(storeId);
  }

  /** Revoked at once: every request looks its key up, nothing caches a valid key. */
  async revokeApiKey(actor: Actor, keyId: string): Promise<void> {
    const keyHash = await this.transactions.run(async (m) => {
      const hash = await this.repo.lockApiKeyHash(m, keyId);
      if (hash === null) {
        throw new DomainError(ErrorCode.API_KEY_NOT_FOUND, `No API key with id ${keyId}.`);
      }
      await this.repo.revokeApiKey(m, keyId, new Date());
      await this.audit.record(actor, 'api_key.revoked', { type: 'api_key', id: keyId }, null, m);
      return hash;
    });
    await this.keyCache.revoked(keyHash);
  }

  /**
   * The store of a key. A valid key is remembered for a few seconds in this
   * process (ApiKeyCache: a revocation reaches every process at once over
   * Redis). A key found unknown is remembered for
   * UNKNOWN_KEY_CACHE_MS in this process: repeating it costs no database query.
   * Keys are random (generateApiKey), so an unknown key does not become valid
   * later; a key of a store set active again works within that window.
   */
  async authenticateKey(key: string): Promise<StorePrincipal | null> {
    const keyHash = hashApiKey(key);
    const known = this.keyCache.get(keyHash);
    if (known) {
      return known;
    }
    const now = Date.now();
    const unknownUntil = this.unknownKeys.get(keyHash);
    if (unknownUntil !== undefined && unknownUntil > now) {
      return null;
    }
    const row = await this.repo.activeKey(keyHash);
    if (!row) {
      if (this.unknownKeys.size >= UNKNOWN_KEY_CACHE_MAX_ENTRIES) {
        this.unknownKeys.clear();
      }
      this.unknownKeys.set(keyHash, now + UNKNOWN_KEY_CACHE_MS);
      return null;
    }
    const principal = { keyId: row.key_id, storeId: row.store_id, storeCode: row.code };
    this.keyCache.remember(keyHash, principal);
    return principal;
  }
}
