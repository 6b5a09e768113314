import { Injectable } from '@nestjs/common';
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

/** The named limits of ThrottlerModule (app.module.ts). */
export enum RateLimit {
  /** per POS API key id, one bucket across all POS routes */
  Pos = 'pos',
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
 * Counts requests against one of the named limits in the shared throttler
 * storage (Redis). A request may weigh more than one (an offline batch weighs
 * its receipt count). Past the limit: 429 RATE_LIMITED with Retry-After.
 */
@Injectable()
export class RateLimiter {
  private readonly limits: Map<string, ThrottlerOptions>;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {
    const throttlers = Array.isArray(options) ? options : options.throttlers;
    this.limits = new Map(throttlers.map((t) => [t.name ?? 'default', t]));
  }

  async consume(res: Response, limitName: RateLimit, tracker: string, weight = 1): Promise<void> {
    const throttler = this.limits.get(limitName);
    if (!throttler) {
      throw new Error(`No throttler named ${limitName} in ThrottlerModule`);
    }
    const limit = Number(throttler.limit);
    const ttl = Number(throttler.ttl);
    const blockDuration = Number(throttler.blockDuration ?? ttl);
    // The storage counts one hit per call; a weighted request is that many hits, sent together.
    const records = await Promise.all(
      Array.from({ length: Math.max(1, weight) }, () => this.storage.increment(tracker, ttl, limit, blockDuration, limitName)),
    );
    const totalHits = Math.max(...records.map((r) => r.totalHits));
    const blocked = records.filter((r) => r.isBlocked);
    res.setHeader('X-RateLimit-Limit', String(limit));
    res.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - totalHits)));
    if (blocked.length > 0) {
      const retryAfter = Math.max(1, ...blocked.map((r) => r.timeToBlockExpire));
      throw new RetryLaterError(ErrorCode.RATE_LIMITED, `Too many requests. Wait ${retryAfter} seconds and try again.`, retryAfter);
    }
  }
}
