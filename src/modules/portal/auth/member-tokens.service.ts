import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { newId } from '../../../common/ids';
import { AppConfig } from '../../../config/app-config';
import { Transactions } from '../../../database/transactions';
import { REDIS } from '../../../queue/redis.module';
import { MemberSessionsRepository } from '../../members/member-sessions.repository';
import { MembersRepository } from '../../members/members.repository';
import { sameHash } from '../rules/sign-in-code';

/** The audience of member tokens; admin tokens carry none and are refused on the portal, member tokens everywhere else. */
export const MEMBER_AUDIENCE = 'loyalty-portal';
const MEMBER_TOKEN_TYPE = 'member';

interface MemberClaims {
  sub: string;
  typ: string;
  /** The sign-in (refresh token family) the access token belongs to: signing out ends it at once. */
  sid: string;
}

export interface MemberTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  memberId: string;
}

export interface MemberPrincipal {
  memberId: string;
  sessionId: string;
}

/**
 * Member sessions. The access token is a short HS256 JWT (audience
 * loyalty-portal, subject the member id, sid the sign-in). The refresh token
 * is `<id>.<random>`; only SHA-256 of the random part is stored. Each refresh
 * token works once; presenting a used one again (a stolen copy racing the
 * member) revokes the whole sign-in. Sign-out and revocations also mark the
 * sign-in revoked in Redis for the access token's lifetime, so its access
 * tokens stop at once, not at expiry.
 */
@Injectable()
export class MemberTokensService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: MemberSessionsRepository,
    private readonly members: MembersRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** A new sign-in for the member. */
  async issue(memberId: string): Promise<MemberTokens> {
    // Each sign-in tidies the member's own expired tokens, so the table holds live sign-ins and recent history only.
    await this.repo.deleteExpired(memberId, new Date());
    return this.pair(memberId, newId());
  }

  async refresh(refreshToken: string): Promise<MemberTokens> {
    const refused = new DomainError(ErrorCode.UNAUTHENTICATED, 'The refresh token is invalid, expired, used or signed out. Sign in again.');
    const parsed = parseRefresh(refreshToken);
    if (!parsed) {
      throw refused;
    }
    const now = new Date();
    const outcome = await this.transactions.retrying(async (m) => {
      const row = await this.repo.lockRefresh(m, parsed.id);
      if (!row || !sameHash(row.tokenHash, sha256(parsed.secret)) || row.revokedAt !== null || row.expiresAt <= now) {
        return { ok: false as const, revokeFamily: null };
      }
      if (row.usedAt !== null) {
        // Reuse of a rotated token: whoever holds the family is not to be trusted any more.
        await this.repo.revokeFamily(m, row.familyId, now);
        return { ok: false as const, revokeFamily: row.familyId };
      }
      if ((await this.members.statusOf(row.memberId)) !== 'active') {
        return { ok: false as const, revokeFamily: null };
      }
      await this.repo.markUsed(m, row.id, now);
      // The successor is written in the same transaction, so a concurrent reuse that revokes the family covers it too.
      return { ok: true as const, tokens: await this.pair(row.memberId, row.familyId, m) };
    });
    if (!outcome.ok) {
      if (outcome.revokeFamily) {
        await this.markRevoked(outcome.revokeFamily);
      }
      throw refused;
    }
    return outcome.tokens;
  }

  /** Ends the sign-in: its refresh tokens and, within a request, its access tokens. */
  async logout(principal: MemberPrincipal): Promise<void> {
    await this.repo.revokeFamily(null, principal.sessionId, new Date());
    await this.markRevoked(principal.sessionId);
  }

  /** The member of a portal access token, or null (bad, expired, another audience, signed out, or the member is gone). */
  async verifyAccess(token: string): Promise<MemberPrincipal | null> {
    let claims: MemberClaims;
    try {
      claims = await this.jwt.verifyAsync<MemberClaims>(token, { algorithms: ['HS256'], audience: MEMBER_AUDIENCE });
    } catch {
      return null;
    }
    if (claims.typ !== MEMBER_TOKEN_TYPE || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      return null;
    }
    const [revoked, status] = await Promise.all([this.redis.exists(this.revokedKey(claims.sid)), this.members.statusOf(claims.sub)]);
    if (revoked > 0 || status !== 'active') {
      return null;
    }
    return { memberId: claims.sub, sessionId: claims.sid };
  }

  private async pair(memberId: string, familyId: string, m: EntityManager | null = null): Promise<MemberTokens> {
    const { accessTtlSeconds, refreshTtlSeconds } = this.config.portal;
    const id = newId();
    const secret = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.repo.insertRefresh(m, {
      id,
      familyId,
      memberId,
      tokenHash: sha256(secret),
      createdAt: now,
      expiresAt: new Date(now.getTime() + refreshTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    const claims: MemberClaims = { sub: memberId, typ: MEMBER_TOKEN_TYPE, sid: familyId };
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: accessTtlSeconds, algorithm: 'HS256', audience: MEMBER_AUDIENCE }),
      expiresIn: accessTtlSeconds,
      refreshToken: `${id}.${secret}`,
      refreshExpiresIn: refreshTtlSeconds,
      memberId,
    };
  }

  private async markRevoked(familyId: string): Promise<void> {
    await this.redis.set(this.revokedKey(familyId), '1', 'EX', this.config.portal.accessTtlSeconds + 60);
  }

  private revokedKey(familyId: string): string {
    return `${this.config.queuePrefix}:portal:revoked:${familyId}`;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function parseRefresh(token: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}
