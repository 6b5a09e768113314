import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { RateLimit, RateLimiter } from './rate-limiter';

/**
 * The client address a limit counts against: the socket address, or the one
 * the trusted proxies name (TRUST_PROXY); an IPv6 client counts as its /64.
 */
export function clientAddress(req: Request): string {
  return normalizeIp(req.ip ?? req.socket?.remoteAddress ?? 'unknown');
}

/**
 * Per client address limits on /api/v1/admin and /api/v1/portal, and far lower ones on sign-in
 * (against password guessing). POS routes are limited per API key id by
 * PosAuthGuard, which knows the key only after it has authenticated it.
 */
@Injectable()
export class ApiThrottlerGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const address = `ip:${clientAddress(req)}`;
    if (req.path.startsWith('/api/v1/portal/')) {
      await this.limiter.consume(res, req.path.startsWith('/api/v1/portal/auth/') ? RateLimit.PortalAuth : RateLimit.Portal, address);
      return true;
    }
    if (!req.path.startsWith('/api/v1/admin/') && req.path !== '/api/v1/admin') {
      return true;
    }
    if (req.path.startsWith('/api/v1/admin/auth/')) {
      await this.limiter.consume(res, RateLimit.Login, address);
    }
    await this.limiter.consume(res, RateLimit.Admin, address);
    return true;
  }
}
