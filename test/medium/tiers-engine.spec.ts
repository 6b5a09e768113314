import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { requestHash } from '../../src/common/canonical-json';
import { newId } from '../../src/common/ids';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { MembersModule } from '../../src/modules/members/members.module';
import { MembersService } from '../../src/modules/members/members.service';
import { PointsModule } from '../../src/modules/points/points.module';
import { PurchaseCommand } from '../../src/modules/points/points.types';
import { PostPurchaseUseCase } from '../../src/modules/points/use-cases/post-purchase/post-purchase.use-case';
import { PostRefundUseCase } from '../../src/modules/points/use-cases/post-refund/post-refund.use-case';
import { BirthdayBonusUseCase } from '../../src/modules/tiers/engine/birthday-bonus.use-case';
import { GrantTierUseCase } from '../../src/modules/tiers/engine/grant-tier.use-case';
import { ReviewTiersUseCase } from '../../src/modules/tiers/engine/review-tiers.use-case';
import { TierEngineModule } from '../../src/modules/tiers/engine/tier-engine.module';
import { TiersService } from '../../src/modules/tiers/tiers.service';
import { ledgerInvariants, uniq, uniquePhone } from '../support/factories';

const STORE = newId();
const DAY = 86_400_000;

describe('tiers engine on the real database (no HTTP)', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, MembersModule, PointsModule, TierEngineModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
  });

  afterAll(async () => {
    await ctx.close();
  });

  async function member(birthday: string | null = null) {
    const { member: m, cardNo } = await ctx.get(MembersService).create(SYSTEM_ACTOR, { name: '测试', phone: uniquePhone(), birthday });
    return { memberId: m.id, cardNo };
  }
  async function buy(cardNo: string, amountCents: number) {
    const lines = [{ sku: 'SKU-1', category: 'grocery', quantityMilli: 1000, amountCents }];
    const cmd = { storeId: STORE, receiptNo: uniq('R'), member: { cardNo }, occurredAt: new Date(), lines, totalCents: amountCents };
    const full: PurchaseCommand = { ...cmd, requestHash: requestHash({ ...cmd, occurredAt: cmd.occurredAt.toISOString() }) };
    await ctx.get(PostPurchaseUseCase).post(full);
    return cmd.receiptNo;
  }
  /** The review of exactly this member's id range. */
  const review = (memberId: string, asOf = new Date()) =>
    ctx.get(ReviewTiersUseCase).review({ fromId: memberId, toId: `${memberId}~` }, asOf);
  const state = async (memberId: string) => {
    const [row] = await db.query('SELECT tier_code, tier_review_at FROM members WHERE id = ?', [memberId]);
    return { tier: row.tier_code as string, reviewAt: row.tier_review_at as Date | null };
  };
  const history = async (memberId: string) =>
    (
      await db.query("SELECT from_tier, to_tier, reason FROM tier_history WHERE member_id = ? AND reason <> 'enrolment' ORDER BY id", [
        memberId,
      ])
    ).map((h: { from_tier: string; to_tier: string; reason: string }) => `${h.from_tier}>${h.to_tier}:${h.reason}`);
  const makeDue = (memberId: string) =>
    db.query('UPDATE members SET tier_review_at = DATE_SUB(NOW(3), INTERVAL 1 DAY) WHERE id = ?', [memberId]);
  const ageStats = (memberId: string) => db.query("UPDATE member_monthly_stats SET month = '2015-01-01' WHERE member_id = ?", [memberId]);

  it('a purchase crossing the threshold upgrades at once and sets the review date a review period later', async () => {
    const m = await member();
    await buy(m.cardNo, 500_000);
    const s = await state(m.memberId);
    expect(s.tier).toBe('VIP');
    const months = (s.reviewAt!.getTime() - Date.now()) / (30.4 * DAY);
    expect(months).toBeGreaterThan(11.5);
    expect(months).toBeLessThan(12.5);
    expect(await history(m.memberId)).toEqual(['STANDARD>VIP:purchase']);
  });

  it('a member who no longer qualifies moves down one level per review, and the review is safe to run twice', async () => {
    const m = await member();
    await buy(m.cardNo, 2_000_000);
    expect((await state(m.memberId)).tier).toBe('SVIP');
    await ageStats(m.memberId);
    await makeDue(m.memberId);
    expect(await review(m.memberId)).toMatchObject({ reviewed: 1, downgraded: 1, requalified: 0 });
    const s = await state(m.memberId);
    expect(s.tier).toBe('VIP');
    expect(s.reviewAt!.getTime()).toBeGreaterThan(Date.now() + 300 * DAY);
    expect(await review(m.memberId)).toMatchObject({ reviewed: 0, downgraded: 0 });
    await makeDue(m.memberId);
    await review(m.memberId);
    expect(await state(m.memberId)).toEqual({ tier: 'STANDARD', reviewAt: null });
    expect(await history(m.memberId)).toEqual(['STANDARD>SVIP:purchase', 'SVIP>VIP:review', 'VIP>STANDARD:review']);
  });

  it('a member who still qualifies keeps the tier with a new review date and no history row', async () => {
    const m = await member();
    await buy(m.cardNo, 600_000);
    await makeDue(m.memberId);
    expect(await review(m.memberId)).toMatchObject({ reviewed: 1, requalified: 1, downgraded: 0 });
    const s = await state(m.memberId);
    expect(s.tier).toBe('VIP');
    expect(s.reviewAt!.getTime()).toBeGreaterThan(Date.now() + 300 * DAY);
    expect(await history(m.memberId)).toEqual(['STANDARD>VIP:purchase']);
  });

  it('a refund that drops spend below the threshold does not downgrade at once; the review does', async () => {
    const m = await member();
    const receiptNo = await buy(m.cardNo, 500_000);
    await ctx.get(PostRefundUseCase).refund({
      storeId: STORE,
      refundNo: uniq('F'),
      receiptNo,
      lines: [{ sku: 'SKU-1', quantityMilli: 1000, amountCents: 100_000 }],
      requestHash: uniq('h'),
    });
    expect((await state(m.memberId)).tier).toBe('VIP');
    await review(m.memberId);
    expect((await state(m.memberId)).tier).toBe('VIP'); // not due yet
    await makeDue(m.memberId);
    await review(m.memberId);
    expect((await state(m.memberId)).tier).toBe('STANDARD');
    expect(await history(m.memberId)).toEqual(['STANDARD>VIP:purchase', 'VIP>STANDARD:review']);
  });

  it('a grant holds the member above what they qualify for until it ends, then the review reverts it', async () => {
    const m = await member();
    const endsAt = new Date(Date.now() + 3_600_000);
    await ctx
      .get(GrantTierUseCase)
      .grant({ type: 'admin', id: 'a1' }, { memberId: m.memberId, tierCode: 'SVIP', endsAt, reason: 'service recovery' });
    expect((await state(m.memberId)).tier).toBe('SVIP');
    await makeDue(m.memberId);
    expect(await review(m.memberId)).toMatchObject({ keptByGrant: 1, downgraded: 0 });
    expect((await state(m.memberId)).tier).toBe('SVIP');
    const after = new Date(endsAt.getTime() + 1000);
    expect(await review(m.memberId, after)).toMatchObject({ grantsEnded: 1, grantsReverted: 1 });
    expect(await state(m.memberId)).toEqual({ tier: 'STANDARD', reviewAt: null });
    expect(await history(m.memberId)).toEqual(['STANDARD>SVIP:manual', 'SVIP>STANDARD:grant_expiry']);
    const [grant] = await db.query('SELECT ended_at FROM tier_grants WHERE member_id = ?', [m.memberId]);
    expect(grant.ended_at).not.toBeNull();
    expect(await review(m.memberId, after)).toMatchObject({ grantsEnded: 0, grantsReverted: 0 });
    const [audit] = await db.query("SELECT actor_id, changes FROM audit_log WHERE action = 'member.tier_grant' AND entity_id = ?", [
      m.memberId,
    ]);
    expect(audit.actor_id).toBe('a1');
    expect(JSON.parse(audit.changes)).toMatchObject({ before: { tier: 'STANDARD' }, after: { tier: 'SVIP', reason: 'service recovery' } });
  });

  it('a grant never lowers a member and needs a future end date', async () => {
    const m = await member();
    await buy(m.cardNo, 2_000_000);
    const grants = ctx.get(GrantTierUseCase);
    const endsAt = new Date(Date.now() + DAY);
    await expect(grants.grant(SYSTEM_ACTOR, { memberId: m.memberId, tierCode: 'VIP', endsAt, reason: 'x' })).rejects.toMatchObject({
      code: 'TIER_GRANT_INVALID',
    });
    await expect(
      grants.grant(SYSTEM_ACTOR, { memberId: m.memberId, tierCode: 'SVIP', endsAt: new Date(Date.now() - 1), reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'TIER_GRANT_INVALID',
    });
    await expect(grants.grant(SYSTEM_ACTOR, { memberId: m.memberId, tierCode: 'NOPE', endsAt, reason: 'x' })).rejects.toMatchObject({
      code: 'TIER_GRANT_INVALID',
    });
    expect(await db.query('SELECT id FROM tier_grants WHERE member_id = ?', [m.memberId])).toHaveLength(0);
  });

  it('the birthday bonus is granted once per year, however often the job runs', async () => {
    await db.query("UPDATE tiers SET birthday_bonus_points = 300 WHERE code = 'VIP'");
    ctx.get(TiersService).invalidate();
    try {
      const vip = await member('1990-03-15');
      const standard = await member('1990-03-15');
      const notToday = await member('1990-03-16');
      await buy(vip.cardNo, 500_000);
      await buy(notToday.cardNo, 500_000);
      const asOf = new Date('2031-03-15T08:00:00Z');
      const bonus = ctx.get(BirthdayBonusUseCase);
      const run = async (memberId: string) => bonus.grant({ fromId: memberId, toId: `${memberId}~` }, asOf);
      expect(await run(vip.memberId)).toEqual({ members: 1, points: 300 });
      expect(await run(vip.memberId)).toEqual({ members: 0, points: 0 });
      await Promise.all([run(vip.memberId), run(vip.memberId)]);
      expect(await run(standard.memberId)).toEqual({ members: 0, points: 0 });
      expect(await run(notToday.memberId)).toEqual({ members: 0, points: 0 });
      const entries = await db.query(
        "SELECT CAST(points AS CHAR) AS points, ref_type, ref_id FROM point_entries WHERE member_id = ? AND type = 'bonus'",
        [vip.memberId],
      );
      expect(entries).toEqual([{ points: '300', ref_type: 'birthday', ref_id: '2031' }]);
      expect(await db.query('SELECT year, points FROM birthday_bonuses WHERE member_id = ?', [vip.memberId])).toEqual([
        { year: 2031, points: 300 },
      ]);
      const inv = await ledgerInvariants(db, vip.memberId);
      expect(inv.balance).toBe(5000 + 300); // the purchase earned at STANDARD (it made the member VIP)
    } finally {
      await db.query("UPDATE tiers SET birthday_bonus_points = 0 WHERE code = 'VIP'");
      ctx.get(TiersService).invalidate();
    }
  });
});
