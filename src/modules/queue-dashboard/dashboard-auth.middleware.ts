import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode, httpStatusFor } from '../../common/errors/error-code';
import { RetryLaterError } from '../../common/errors/retry-later.error';
import { RateLimit, RateLimiter } from '../../common/http/rate-limiter';
import { clientAddress } from '../../common/http/throttler.guard';
import { AdminAccount } from '../auth/auth.types';
import { AuthService } from '../auth/auth.service';

/**
 * A basic-auth password verified once is not hashed again for this long (the dashboard's pages, assets and polling
 * would each cost a scrypt check and a sign-in attempt). Whether the admin is still enabled, and still an admin, is
 * checked on every request like every console request (AuthService.activeAdmin, at most 5 s old). There is no
 * password change, so a password accepted stays right.
 */
const PASSWORD_CACHE_MS = 60_000;
const PASSWORD_CACHE_MAX = 100;

const SIGN_IN = 'The queue dashboard is for admins: sign in with your console email and password.';

function reject(res: Response, code: ErrorCode, message: string): void {
  if (code === ErrorCode.UNAUTHENTICATED) {
    res.setHeader('WWW-Authenticate', 'Basic realm="Queue dashboard", charset="UTF-8"');
  }
  res.status(httpStatusFor(code)).json({ statusCode: httpStatusFor(code), code, message, details: [] });
}

/**
 * Admins only. Browsers cannot send a bearer token when navigating, so the dashboard takes HTTP basic auth with a
 * console admin's email and password, under the console sign-in's limits: every request counts against the admin
 * routes' limit per address, every password check against the sign-in limit per address
 * (RATE_LIMIT_LOGIN_PER_MINUTE, shared with POST /api/v1/admin/auth/login), and AuthService.login applies the
 * per-email lockout. An admin JWT as `Authorization: Bearer` works too, for scripts.
 */
export function dashboardAuth(auth: AuthService, limiter: RateLimiter): RequestHandler {
  /** sha256 of an Authorization header whose password was verified -> the admin it signs in, until when. */
  const verified = new Map<string, { adminId: string; until: number }>();

  async function signIn(res: Response, header: string, address: string): Promise<AdminAccount | null> {
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
    if (!basic) {
      return null;
    }
    const cacheKey = createHash('sha256').update(header).digest('hex');
    const known = verified.get(cacheKey);
    if (known && known.until > Date.now()) {
      return auth.activeAdmin(known.adminId);
    }
    verified.delete(cacheKey);
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    await limiter.consume(res, RateLimit.Login, address);
    let accessToken: string;
    try {
      ({ accessToken } = await auth.login(decoded.slice(0, colon), decoded.slice(colon + 1)));
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.INVALID_CREDENTIALS) {
        return null;
      }
      throw err;
    }
    const admin = await auth.verifyAdminToken(accessToken);
    if (admin) {
      if (verified.size >= PASSWORD_CACHE_MAX) {
        verified.clear();
      }
      verified.set(cacheKey, { adminId: admin.adminId, until: Date.now() + PASSWORD_CACHE_MS });
    }
    return admin;
  }

  async function principalOf(req: Request, res: Response): Promise<AdminAccount | null> {
    const address = `ip:${clientAddress(req)}`;
    await limiter.consume(res, RateLimit.Admin, address);
    const header = req.headers.authorization;
    if (typeof header !== 'string' || header.length > 4096) {
      return null;
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    return bearer ? auth.verifyAdminToken(bearer) : signIn(res, header, address);
  }

  return (req: Request, res: Response, next: NextFunction) => {
    principalOf(req, res).then(
      (admin) => {
        if (!admin) {
          reject(res, ErrorCode.UNAUTHENTICATED, SIGN_IN);
          return;
        }
        if (admin.role !== 'admin') {
          reject(res, ErrorCode.FORBIDDEN, 'The queue dashboard needs the admin role.');
          return;
        }
        next();
      },
      (err: unknown) => {
        if (err instanceof RetryLaterError) {
          res.setHeader('Retry-After', String(err.retryAfterSeconds));
          reject(res, err.code, err.message);
          return;
        }
        next(err);
      },
    );
  };
}
