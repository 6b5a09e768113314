import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimit, RateLimiter } from '../../common/http/rate-limiter';
import { AuthenticatedRequest } from '../auth/auth.types';

/**
 * Coupon look-ups (GET pos/coupons/{code}) per store, all its keys together, on top of the key's POS limit: a till
 * scans a coupon or two a receipt, a script trying codes thousands. Runs after PosAuthGuard (it needs the store);
 * over the limit: 429 RATE_LIMITED with Retry-After, like every POS limit (POS-API.md). It leaves the key's
 * X-RateLimit-* headers as they are.
 */
@Injectable()
export class CouponLookupLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.store) {
      return false;
    }
    await this.limiter.consume(res, RateLimit.PosCouponLookup, `store:${req.store.storeId}`, 1, false);
    return true;
  }
}
