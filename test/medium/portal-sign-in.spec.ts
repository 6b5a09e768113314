import { INestApplicationContext } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { DomainError } from '../../src/common/errors/domain-error';
import { AppConfig } from '../../src/config/app-config';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { MembersModule } from '../../src/modules/members/members.module';
import { MemberTokensService } from '../../src/modules/portal/auth/member-tokens.service';
import { SignInCodesService, signInKeys } from '../../src/modules/portal/auth/sign-in-codes.service';
import { afterFailure } from '../../src/modules/portal/rules/sign-in-code';
import { REDIS } from '../../src/queue/redis.module';
import { uniquePhone } from '../support/factories';
import { newMember } from './medium-context';

/** Codes and sessions on the real Redis and database: the races the e2e suite cannot provoke. */
describe('portal sign-in codes and member sessions', () => {
  let ctx: INestApplicationContext;
  let codes: SignInCodesService;
  let tokens: MemberTokensService;
  let redis: Redis;
  let config: AppConfig;
  let db: DataSource;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...coreImports('api'),
        TierPortsModule,
        MembersModule,
        JwtModule.registerAsync({ inject: [AppConfig], useFactory: (c: AppConfig) => ({ secret: c.jwt.secret }) }),
      ],
      providers: [SignInCodesService, MemberTokensService],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    codes = ctx.get(SignInCodesService);
    tokens = ctx.get(MemberTokensService);
    redis = ctx.get<Redis>(REDIS);
    config = ctx.get(AppConfig);
    db = ctx.get(DataSource);
  });

  afterAll(async () => {
    await ctx.close();
  });

  const codeOf = (err: unknown) => (err instanceof DomainError ? err.code : String(err));

  it('a code used by 20 requests at once signs in exactly one of them', async () => {
    const phone = uniquePhone();
    const code = await codes.issue(phone);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => codes.verify(phone, code, true)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => codeOf(r.reason));
    expect(refused).toHaveLength(19);
    expect(refused.every((c) => c === 'SIGN_IN_CODE_INVALID' || c === 'SIGN_IN_LOCKED')).toBe(true);
  });

  it('the Redis step follows the lockout rule: tries left, then a lock for the configured time that drops the code', async () => {
    const phone = uniquePhone();
    const code = await codes.issue(phone);
    const wrong = code === '999999' ? '000000' : '999999';
    const { codeMaxFailures: max, codeLockSeconds: lock } = config.portal;
    for (let before = 0; before < max; before++) {
      const expected = afterFailure(before, max, lock);
      const err = await codes.verify(phone, wrong, true).then(
        () => null,
        (e: unknown) => e,
      );
      if (expected.outcome === 'wrong') {
        expect(err).toMatchObject({ code: 'SIGN_IN_CODE_INVALID', details: [{ message: `${expected.triesLeft} tries left` }] });
      } else {
        expect(err).toMatchObject({ code: 'SIGN_IN_LOCKED', retryAfterSeconds: lock });
      }
    }
    const keys = signInKeys(config.queuePrefix, config.jwt.secret, phone);
    expect(await redis.exists(keys.code)).toBe(0);
    expect(await redis.pttl(keys.lock)).toBeGreaterThan((lock - 5) * 1000);
  });

  it('a right code without consuming (a phone nobody holds yet) stays usable once', async () => {
    const phone = uniquePhone();
    const code = await codes.issue(phone);
    await codes.verify(phone, code, false);
    await codes.verify(phone, code, true);
    await expect(codes.verify(phone, code, true)).rejects.toMatchObject({ code: 'SIGN_IN_CODE_INVALID' });
  });

  it('one refresh token raced by two requests: at most one pair comes out, and the sign-in ends for both', async () => {
    const { memberId } = await newMember(ctx);
    const first = await tokens.issue(memberId);
    const results = await Promise.allSettled([tokens.refresh(first.refreshToken), tokens.refresh(first.refreshToken)]);
    const won = results.filter(
      (r): r is PromiseFulfilledResult<Awaited<ReturnType<MemberTokensService['refresh']>>> => r.status === 'fulfilled',
    );
    expect(won.length).toBeLessThanOrEqual(1);
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    // The second use is a reuse: the whole sign-in is revoked, the winner's new tokens included.
    const [family] = await db.query(
      'SELECT COUNT(*) AS n, SUM(revoked_at IS NULL) AS open FROM member_refresh_tokens WHERE member_id = ?',
      [memberId],
    );
    expect(Number(family.open)).toBe(0);
    if (won[0]) {
      expect(await tokens.verifyAccess(won[0].value.accessToken)).toBeNull();
    }
    expect(await tokens.verifyAccess(first.accessToken)).toBeNull();
  });
});
