import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { isDuplicateKey } from '../../common/errors/mysql-errors';
import { RetryLaterError } from '../../common/errors/retry-later.error';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { REDIS } from '../../queue/redis.module';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { AdminAccount, AdminPrincipal } from './auth.types';
import { AdminUsersRepository } from './admin-users.repository';
import { LoginAttemptsService } from './login-attempts.service';
import { dummyHash, hashPassword, needsRehash, scryptParams, ScryptParams, verifyPassword } from './password';

type TokenType = 'access' | 'refresh';

interface TokenClaims {
  sub: string;
  typ: TokenType;
  /** The sign-in: set at login, carried by every refresh; signing out ends every token that carries it. */
  sid: string;
  jti?: string;
  exp?: number;
}

export interface AdminTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** HS256 only: a token signed with any other algorithm (none, HS512, RS256, ...) is refused. */
const ALGORITHMS = ['HS256' as const];

/**
 * How long the answer to "is this admin still enabled, and with which role?"
 * is reused by one process. A disabled or deleted admin is refused by every
 * instance within this window.
 */
export const ADMIN_CHECK_CACHE_MS = 5000;
const ADMIN_CACHE_MAX_ENTRIES = 10_000;

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  private readonly adminCache = new Map<string, { account: AdminAccount | null; expiresAt: number }>();
  private readonly scrypt: ScryptParams;
  private readonly dummyHash: string;

  constructor(
    private readonly admins: AdminUsersRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly attempts: LoginAttemptsService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.scrypt = scryptParams(config.passwordScryptLog2N);
    this.dummyHash = dummyHash(this.scrypt);
  }

  /** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD when no admin with that email exists. */
  async onApplicationBootstrap(): Promise<void> {
    const { email, password } = this.config.admin;
    if (await this.admins.existsWithEmail(email)) {
      return;
    }
    const id = newId();
    try {
      await this.admins.insert({
        id,
        email,
        passwordHash: await hashPassword(password, this.scrypt),
        role: 'admin',
        createdAt: new Date(),
        disabledAt: null,
      });
      await this.audit.record(SYSTEM_ACTOR, 'admin.created', { type: 'admin', id }, { email, role: 'admin' });
      this.logger.log(`Created the first admin ${email}`);
    } catch (err) {
      if (!isDuplicateKey(err)) {
        throw err; // another process created it at the same moment otherwise
      }
    }
  }

  /**
   * Checks the password in the same time whether or not the email exists (an
   * unknown email is verified against a dummy hash). A locked email is refused
   * before the password is looked at, even a right one.
   */
  async login(rawEmail: string, password: string): Promise<AdminTokens> {
    const email = rawEmail.trim().toLowerCase();
    const lockedMs = await this.attempts.lockedForMs(email);
    if (lockedMs > 0) {
      throw this.lockedError(lockedMs);
    }
    const admin = await this.admins.byEmail(email);
    const passwordOk = await verifyPassword(password, admin?.passwordHash ?? this.dummyHash);
    if (!admin || !passwordOk || admin.disabledAt !== null) {
      const lockMs = await this.attempts.recordFailure(email);
      if (lockMs > 0) {
        throw this.lockedError(lockMs);
      }
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The email or the password is wrong.');
    }
    await this.attempts.recordSuccess(email);
    if (needsRehash(admin.passwordHash, this.scrypt)) {
      // Hashes made under older parameters are upgraded at the first login that knows the password.
      await this.admins.setPasswordHash(admin.id, await hashPassword(password, this.scrypt));
    }
    return this.issueTokens(admin.id, randomUUID());
  }

  /**
   * Trades a refresh token for a new pair of the same sign-in. Each refresh
   * token works once (rotation): its id is marked used in Redis until it
   * would have expired. A signed-out sign-in's tokens are refused.
   */
  async refresh(refreshToken: string): Promise<AdminTokens> {
    const claims = await this.verify(refreshToken, 'refresh');
    const refused = new DomainError(
      ErrorCode.UNAUTHENTICATED,
      'The refresh token is invalid, expired, already used or signed out. Sign in again.',
    );
    if (!claims || !claims.jti || !claims.exp || (await this.signedOut(claims.sid))) {
      throw refused;
    }
    const admin = await this.loadAdmin(claims.sub);
    if (!admin) {
      throw refused;
    }
    const remainingMs = Math.max(1000, claims.exp * 1000 - Date.now());
    const firstUse = await this.redis.set(`${this.config.queuePrefix}:auth:refresh-used:${claims.jti}`, '1', 'PX', remainingMs, 'NX');
    if (firstUse !== 'OK') {
      throw refused;
    }
    return this.issueTokens(admin.adminId, claims.sid);
  }

  /**
   * Ends the sign-in of this principal: its refresh tokens and its access
   * tokens, on every instance, from the next request on. The mark in Redis
   * outlives the sign-in's last token (REFRESH_TTL after the last refresh).
   */
  async logout(principal: AdminPrincipal): Promise<void> {
    await this.redis.set(this.signedOutKey(principal.sessionId), '1', 'EX', this.config.jwt.refreshTtlSeconds + 60);
  }

  /**
   * The admin of an access token: not signed out (checked in Redis on every
   * request), and enabled in admin_users (cached ADMIN_CHECK_CACHE_MS).
   */
  async verifyAdminToken(token: string): Promise<AdminPrincipal | null> {
    const claims = await this.verify(token, 'access');
    if (!claims || (await this.accessSignedOut(claims.sid))) {
      return null;
    }
    const account = await this.activeAdmin(claims.sub);
    return account ? { ...account, sessionId: claims.sid } : null;
  }

  /**
   * The admin if still enabled, with their current role (cached ADMIN_CHECK_CACHE_MS): what every console request
   * and every queue dashboard request checks.
   */
  async activeAdmin(adminId: string): Promise<AdminAccount | null> {
    const cached = this.adminCache.get(adminId);
    if (cached && cached.expiresAt > Date.now()) {
      return cached.account;
    }
    const account = await this.loadAdmin(adminId);
    if (this.adminCache.size >= ADMIN_CACHE_MAX_ENTRIES) {
      this.adminCache.clear();
    }
    this.adminCache.set(adminId, { account, expiresAt: Date.now() + ADMIN_CHECK_CACHE_MS });
    return account;
  }

  /**
   * The sign-out check of an access token. While Redis cannot answer, the token (signed, at most
   * ACCESS_TTL old) is taken as not signed out, as the rate limits fall back to counting in
   * process: the console keeps working through a Redis outage, and refreshes (which need Redis
   * for their single-use marks) wait for it.
   */
  private async accessSignedOut(sessionId: string): Promise<boolean> {
    try {
      return await this.signedOut(sessionId);
    } catch (err) {
      this.logger.warn(`sign-out check skipped, Redis unavailable (${(err as Error).message})`);
      return false;
    }
  }

  private async signedOut(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.signedOutKey(sessionId))) > 0;
  }

  private signedOutKey(sessionId: string): string {
    return `${this.config.queuePrefix}:auth:signed-out:${sessionId}`;
  }

  /** Drops this process's cached answer for the admin (after a role change or a disable). */
  forget(adminId: string): void {
    this.adminCache.delete(adminId);
  }

  /** A password hash under the current parameters (new console users). */
  hash(password: string): Promise<string> {
    return hashPassword(password, this.scrypt);
  }

  private async issueTokens(adminId: string, sessionId: string): Promise<AdminTokens> {
    const { ttlSeconds, refreshTtlSeconds } = this.config.jwt;
    const access: TokenClaims = { sub: adminId, typ: 'access', sid: sessionId };
    const refresh: TokenClaims = { sub: adminId, typ: 'refresh', sid: sessionId, jti: randomUUID() };
    return {
      accessToken: await this.jwt.signAsync(access, { expiresIn: ttlSeconds, algorithm: 'HS256' }),
      expiresIn: ttlSeconds,
      refreshToken: await this.jwt.signAsync(refresh, { expiresIn: refreshTtlSeconds, algorithm: 'HS256' }),
      refreshExpiresIn: refreshTtlSeconds,
    };
  }

  private async verify(token: string, typ: TokenType): Promise<TokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ALGORITHMS });
      // A token without a sign-in id could not be signed out: refused (tokens from before sign-out existed).
      return claims.typ === typ && typeof claims.sub === 'string' && typeof claims.sid === 'string' && claims.sid.length > 0
        ? claims
        : null;
    } catch {
      return null;
    }
  }

  private async loadAdmin(adminId: string): Promise<AdminAccount | null> {
    const admin = await this.admins.byId(adminId);
    return admin && admin.disabledAt === null ? { adminId: admin.id, email: admin.email, role: admin.role } : null;
  }

  private lockedError(lockedMs: number): RetryLaterError {
    const seconds = Math.ceil(lockedMs / 1000);
    return new RetryLaterError(
      ErrorCode.ACCOUNT_LOCKED,
      `Too many failed sign-ins for this account. Try again in ${seconds} seconds.`,
      seconds,
    );
  }
}
