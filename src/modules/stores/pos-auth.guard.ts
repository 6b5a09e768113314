import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { RateLimit, RateLimiter } from '../../common/http/rate-limiter';
import { clientAddress, routePath } from '../../common/http/throttler.guard';
import { bearerToken } from '../auth/admin-auth.guard';
import { AuthenticatedRequest } from '../auth/auth.types';
import { StoresService } from './stores.service';

/** The most receipts one offline batch may carry (PurchaseBatchDto); a batch weighs its receipt count. */
const MAX_BATCH_WEIGHT = 500;
const BATCH_PATH = '/api/v1/pos/transactions/batch';

/**
 * POS routes: a store's API key; the store of the request is the key's store.
 * Also the POS rate limit, which needs the key: one bucket per key id across
 * every POS route (however the Authorization header is spelled). Requests
 * without a valid key count against their client address instead.
 */
@Injectable()
export class PosAuthGuard implements CanActivate {
  constructor(
    private readonly stores: StoresService,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = bearerToken(req);
    const store = key ? await this.stores.authenticateKey(key) : null;
    if (!store) {
      await this.limiter.consume(res, RateLimit.PosUnauthenticated, `ip:${clientAddress(req)}`);
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        key ? 'The API key is unknown or revoked. Ask an admin for a new key.' : 'Send the store API key as Authorization: Bearer <key>.',
      );
    }
    await this.limiter.consume(res, RateLimit.Pos, `key:${store.keyId}`, requestWeight(req));
    req.store = store;
    return true;
  }
}

/** An offline batch counts as many requests as it has receipts (the body is validated later; junk weighs 1). */
function requestWeight(req: AuthenticatedRequest): number {
  const body: unknown = req.body;
  if (req.method !== 'POST' || routePath(req) !== BATCH_PATH || typeof body !== 'object' || body === null) {
    return 1;
  }
  const transactions = (body as { transactions?: unknown }).transactions;
  return Array.isArray(transactions) ? Math.min(Math.max(transactions.length, 1), MAX_BATCH_WEIGHT) : 1;
}

export function PosAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(PosAuthGuard), ApiBearerAuth('pos'));
}
