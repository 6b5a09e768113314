import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerModuleOptions,
  ThrottlerOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { ErrorCode } from '../errors/error-code';
import { RetryLaterError } from '../errors/retry-later.error';
import { SyncedThrottlerStorage } from './synced-throttler.storage';

/** The named limits of ThrottlerModule (app.module.ts). */
export enum RateLimit {
  /** per POS API key id, one bucket across all POS routes */
  Pos = 'pos',
  /** per store, GET /api/v1/pos/coupons/{code} (against guessing coupon codes), on top of Pos */
  PosCouponLookup = 'pos-coupon-lookup',
  /** per client address, POS requests without a valid key */
  PosUnauthenticated = 'pos-unauthenticated',
  /** per client address, every /api/v1/admin route */
  Admin = 'admin',
  /** per client address, POST /api/v1/admin/auth/login and /refresh */
  Login = 'login',
  /** per client address, /api/v1/portal/auth/* */
  PortalAuth = 'portal-auth',
  /** per client address, the other /api/v1/portal routes */
  Portal = 'portal',
  /** per phone, sign-in codes sent (POST /api/v1/portal/auth/code) */
  PortalCodePerPhone = 'portal-code-phone',
}

/**
 * Counts requests against one of the named limits in the throttler storage
 * (SyncedThrottlerStorage: counted in the process, shared through Redis every
 * 250 ms). A request may weigh more than one (an offline batch weighs its
 * receipt count). Past the limit: 429 RATE_LIMITED with Retry-After.
 */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly limits: Map<string, ThrottlerOptions>;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {
    const throttlers = Array.isArray(options) ? options : options.throttlers;
    this.limits = new Map(throttlers.map((t) => [t.name ?? 'default', t]));
  }

  /**
   * headers false: a second limit on the same request (it must not overwrite the first limit's X-RateLimit-*
   * headers); over the limit it still answers 429 with Retry-After.
   */
  async consume(res: Response, limitName: RateLimit, tracker: string, weight = 1, headers = true): Promise<void> {
    const throttler = this.limits.get(limitName);
    if (!throttler) {
      throw new Error(`No throttler named ${limitName} in ThrottlerModule`);
    }
    const limit = Number(throttler.limit);
    const ttl = Number(throttler.ttl);
    const blockDuration = Number(throttler.blockDuration ?? ttl);
    const hits = Math.max(1, weight);
    // A weighted request is that many hits at once; a plain ThrottlerStorage counts one per call, sent together.
    const records =
      this.storage instanceof SyncedThrottlerStorage
        ? [await this.storage.hit(tracker, ttl, limit, blockDuration, limitName, hits)]
        : await Promise.all(Array.from({ length: hits }, () => this.storage.increment(tracker, ttl, limit, blockDuration, limitName)));
    let totalHits = 0;
    let retryAfter = 0;
    for (const r of records) {
      totalHits = Math.max(totalHits, r.totalHits);
      if (r.isBlocked) {
        retryAfter = Math.max(1, retryAfter, r.timeToBlockExpire);
      }
    }
    if (headers) {
      res.setHeader('X-RateLimit-Limit', String(limit));
      res.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - totalHits)));
    }
    if (retryAfter > 0) {
      throw new RetryLaterError(ErrorCode.RATE_LIMITED, `Too many requests. Wait ${retryAfter} seconds and try again.`, retryAfter);
    }
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof SyncedThrottlerStorage) {
      this.storage.close();
    }
  }
}
