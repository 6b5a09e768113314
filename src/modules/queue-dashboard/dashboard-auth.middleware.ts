import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { ErrorCode, httpStatusFor } from '../../common/errors/error-code';
import { AdminPrincipal } from '../auth/auth.types';
import { AuthService } from '../auth/auth.service';

/** A verified Authorization header is trusted this long, so the dashboard's asset requests do not each hash a password. */
const CACHE_MS = 60_000;
const CACHE_MAX = 100;

function reject(res: Response, code: ErrorCode.UNAUTHENTICATED | ErrorCode.FORBIDDEN, message: string): void {
  if (code === ErrorCode.UNAUTHENTICATED) {
    res.setHeader('WWW-Authenticate', 'Basic realm="Queue dashboard", charset="UTF-8"');
  }
  res.status(httpStatusFor(code)).json({ statusCode: httpStatusFor(code), code, message, details: [] });
}

/**
 * Admins only. Browsers cannot send a bearer token when navigating, so the
 * dashboard takes HTTP basic auth with a console admin's email and password
 * (checked by AuthService.login, lockouts included); an admin JWT as
 * `Authorization: Bearer` works too, for scripts.
 */
export function dashboardAuth(auth: AuthService): RequestHandler {
  const verified = new Map<string, number>();

  async function principalOf(header: string): Promise<AdminPrincipal | null> {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (bearer) {
      return auth.verifyAdminToken(bearer);
    }
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
    if (!basic) {
      return null;
    }
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    try {
      const { accessToken } = await auth.login(decoded.slice(0, colon), decoded.slice(colon + 1));
      return auth.verifyAdminToken(accessToken);
    } catch {
      return null;
    }
  }

  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (typeof header !== 'string' || header.length > 4096) {
      reject(res, ErrorCode.UNAUTHENTICATED, 'The queue dashboard is for admins: sign in with your console email and password.');
      return;
    }
    const cacheKey = createHash('sha256').update(header).digest('hex');
    const until = verified.get(cacheKey);
    if (until !== undefined && until > Date.now()) {
      next();
      return;
    }
    verified.delete(cacheKey);
    principalOf(header).then(
      (admin) => {
        if (!admin) {
          reject(res, ErrorCode.UNAUTHENTICATED, 'The queue dashboard is for admins: sign in with your console email and password.');
          return;
        }
        if (admin.role !== 'admin') {
          reject(res, ErrorCode.FORBIDDEN, 'The queue dashboard needs the admin role.');
          return;
        }
        if (verified.size >= CACHE_MAX) {
          verified.clear();
        }
        verified.set(cacheKey, Date.now() + CACHE_MS);
        next();
      },
      (err: unknown) => next(err),
    );
  };
}
