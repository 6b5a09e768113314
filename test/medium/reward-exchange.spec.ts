import { readFileSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/ids';
import { requestHash } from '../../src/common/canonical-json';
import { coreImports } from '../../src/core.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { PostPurchaseUseCase } from '../../src/modules/points/use-cases/post-purchase/post-purchase.use-case';
import { CouponPortsModule, RewardsModule } from '../../src/modules/rewards/rewards.module';
import { ExchangeRewardUseCase } from '../../src/modules/rewards/use-cases/exchange-reward.use-case';
import { ExpireCouponsUseCase } from '../../src/modules/rewards/use-cases/expire-coupons.use-case';
import { SaveRewardUseCase } from '../../src/modules/rewards/use-cases/save-reward.use-case';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { ledgerInvariants, uniq } from '../support/factories';
import { newMember } from './medium-context';

const STORE = newId();

/** Exchanges and the coupon job on the real database, no HTTP: stock, limits and balances under concurrency. */
describe('reward exchange on the real database', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    // 200 exchanges queue for 20 connections behind one stock row. The API's 2 s bound on the wait for a connection
    // (a 503 under overload) turned some into DEPENDENCY_TIMEOUT on a busy machine (2 runs in 7 at load 10); this
    // suite is about stock, limits and balances, so it waits for a connection as long as it takes.
    const acquire = process.env.DATABASE_ACQUIRE_TIMEOUT_MS;
    process.env.DATABASE_ACQUIRE_TIMEOUT_MS = '60000';
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, CouponPortsModule, RewardsModule],
    })
      .compile()
      .finally(() => {
        if (acquire === undefined) {
          delete process.env.DATABASE_ACQUIRE_TIMEOUT_MS;
        } else {
          process.env.DATABASE_ACQUIRE_TIMEOUT_MS = acquire;
        }
      });
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
  });

  afterAll(async () => {
    await ctx.close();
  });

  async function memberWith(points: number) {
    const m = await newMember(ctx);
    const cmd = {
      storeId: STORE,
      receiptNo: uniq('R'),
      member: { cardNo: m.cardNo },
      occurredAt: new Date(),
      lines: [{ sku: 'SKU-1', category: 'grocery', quantityMilli: 1000, amountCents: points * 100 }],
      totalCents: points * 100,
    };
    await ctx.get(PostPurchaseUseCase).post({ ...cmd, requestHash: requestHash({ ...cmd, occurredAt: cmd.occurredAt.toISOString() }) });
    return m;
  }

  const reward = (overrides: Record<string, unknown>) =>
    ctx.get(SaveRewardUseCase).create(SYSTEM_ACTOR, {
      nameZh: '最后十件',
      nameEn: 'The last ten',
      kind: 'gift',
      giftSku: 'MUG-1',
      validDays: 7,
      pointsPrice: 300,
      ...overrides,
    } as never);

  it('200 concurrent exchanges of the last 10 items by 50 members: exactly 10 coupons, no balance below zero, every balance equal to its ledger', async () => {
    const { rewardId } = await reward({ stockTotal: 10, perMemberLimit: 2 });
    // Some members can afford one exchange only (400 points), others several: points, stock and limit all bite.
    const members = await Promise.all(Array.from({ length: 50 }, (_, i) => memberWith(i % 2 === 0 ? 400 : 2000)));
    const exchange = ctx.get(ExchangeRewardUseCase);
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => exchange.exchange(members[i % 50].memberId, rewardId, `k-${i}-${newId()}`)),
    );
    const ms = Date.now() - started;
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      .map((o) => (o.reason as { code?: string }).code);
    expect(refused.filter((c) => c !== 'REWARD_NOT_AVAILABLE' && c !== 'INSUFFICIENT_POINTS')).toEqual([]);
    expect(ok).toHaveLength(10);
    const [coupons] = await db.query('SELECT COUNT(*) AS n FROM coupons WHERE reward_id = ?', [rewardId]);
    expect(Number(coupons.n)).toBe(10);
    const [stock] = await db.query('SELECT stock_left FROM rewards WHERE id = ?', [rewardId]);
    expect(Number(stock.stock_left)).toBe(0);
    const [counts] = await db.query('SELECT SUM(exchanged) AS n, MAX(exchanged) AS most FROM reward_member_counts WHERE reward_id = ?', [
      rewardId,
    ]);
    expect(Number(counts.n)).toBe(10);
    expect(Number(counts.most)).toBeLessThanOrEqual(2);
    let spent = 0;
    for (const [i, m] of members.entries()) {
      const inv = await ledgerInvariants(db, m.memberId);
      expect(inv.balance).toBeGreaterThanOrEqual(0);
      expect(inv.entrySum).toBe(inv.balance);
      expect(inv.lotSum).toBe(inv.balance);
      spent += (i % 2 === 0 ? 400 : 2000) - inv.balance;
    }
    expect(spent).toBe(10 * 300);
    console.log(`200 concurrent exchanges of 10 items: ${ms} ms, load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  });

  it('the daily job expires coupons past their validity (points not returned) and leaves valid and used ones alone', async () => {
    const { rewardId } = await reward({ stockTotal: null, perMemberLimit: null });
    const m = await memberWith(2000);
    const exchange = ctx.get(ExchangeRewardUseCase);
    const first = await exchange.exchange(m.memberId, rewardId, newId());
    const second = await exchange.exchange(m.memberId, rewardId, newId());
    await db.query('UPDATE coupons SET valid_until = NOW(3) - INTERVAL 1 SECOND WHERE code = ?', [first.body.coupon.code]);
    const balance = (await ledgerInvariants(db, m.memberId)).balance;
    const result = await ctx.get(ExpireCouponsUseCase).expire({ fromId: m.memberId, toId: null }, new Date());
    expect(result.expired).toBe(1);
    const rows = await db.query('SELECT code, status FROM coupons WHERE member_id = ? ORDER BY issued_at', [m.memberId]);
    expect(Object.fromEntries(rows.map((r: { code: string; status: string }) => [r.code, r.status]))).toEqual({
      [first.body.coupon.code]: 'expired',
      [second.body.coupon.code]: 'active',
    });
    expect((await ledgerInvariants(db, m.memberId)).balance).toBe(balance);
    expect((await ctx.get(ExpireCouponsUseCase).expire({ fromId: m.memberId, toId: null }, new Date())).expired).toBe(0);
  });
});
