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
 * The path pattern of the route that matched (e.g. /api/v1/pos/members/:memberId), however the client spelled the URL
 * (a trailing slash, ...): limits are chosen by route, never by the raw path. Routing is case-sensitive
 * (createApiApp), so an odd spelling either is this route or reaches no route at all.
 */
export function routePath(req: Request): string {
  const route: unknown = req.route;
  const path = typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : req.path;
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
    const path = routePath(req);
    const portal = path.startsWith('/api/v1/portal/');
    if (!portal && !path.startsWith('/api/v1/admin/') && path !== '/api/v1/admin') {
      return true; // POS routes count per key in PosAuthGuard; the address is not worked out for them
    }
    const address = `ip:${clientAddress(req)}`;
    if (portal) {
      await this.limiter.consume(res, path.startsWith('/api/v1/portal/auth/') ? RateLimit.PortalAuth : RateLimit.Portal, address);
      return true;
    }
    if (path.startsWith('/api/v1/admin/auth/')) {
      await this.limiter.consume(res, RateLimit.Login, address);
    }
    await this.limiter.consume(res, RateLimit.Admin, address);
    return true;
  }
}
