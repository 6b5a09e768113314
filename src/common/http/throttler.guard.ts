import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { Request } from 'express';

/**
 * Two limits: per POS key on /api/v1/pos, per client address on /api/v1/admin
 * (the login included, against password guessing). Counters live in Redis so
 * that every API instance shares them.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const req = props.context.switchToHttp().getRequest<Request>();
    const area = req.path.startsWith('/api/v1/pos') ? 'pos' : req.path.startsWith('/api/v1/admin') ? 'admin' : null;
    if (area === null || props.throttler.name !== area) {
      return true;
    }
    return super.handleRequest(props);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as Request;
    const auth = r.headers?.authorization;
    if (r.path?.startsWith('/api/v1/pos') && typeof auth === 'string') {
      return `key:${createHash('sha256').update(auth).digest('hex').slice(0, 32)}`;
    }
    return `ip:${r.ip ?? 'unknown'}`;
  }
}
