import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coreImports } from '../../src/core.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { CampaignFanoutService } from '../../src/modules/campaigns/campaign-fanout.service';
import { CampaignsModule } from '../../src/modules/campaigns/campaigns.module';
import { CampaignsRepository } from '../../src/modules/campaigns/campaigns.repository';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service';
import { CouponPortsModule } from '../../src/modules/rewards/rewards.module';
import { SaveRewardUseCase } from '../../src/modules/rewards/use-cases/save-reward.use-case';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { createClubWith, seedMembers } from '../support/campaign-fixtures';

/** The grantCoupon campaign action through the real fan-out and database: one coupon per member, once per occurrence. */
describe('campaign action grantCoupon on the real database', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let fanout: CampaignFanoutService;
  let service: CampaignsService;
  let repo: CampaignsRepository;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [...coreImports('worker'), TierPortsModule, CouponPortsModule, CampaignsModule],
    }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    fanout = ctx.get(CampaignFanoutService);
    service = ctx.get(CampaignsService);
    repo = ctx.get(CampaignsRepository);
  });

  afterAll(() => ctx.close());

  /** A template (no points price) and a club campaign granting its coupon, in the running state, nothing queued. */
  async function couponCampaign(memberIds: string[], extra: Record<string, unknown> = {}): Promise<{ id: string; rewardId: string }> {
    const { rewardId } = await ctx.get(SaveRewardUseCase).create(SYSTEM_ACTOR, {
      nameZh: '欢迎券',
      nameEn: 'Welcome coupon',
      kind: 'gift',
      giftSku: 'MUG-1',
      validDays: 30,
    } as never);
    const clubId = await createClubWith(db, memberIds);
    const created = await service.create(SYSTEM_ACTOR, {
      name: 'Club coupon',
      audience: { include: [{ type: 'club', clubIds: [clubId] }] },
      actions: [{ type: 'grantCoupon', rewardId }],
      schedule: { kind: 'now' },
      ...extra,
    } as never);
    await db.query("UPDATE campaigns SET state = 'running', starts_at = NOW(3) WHERE id = ?", [created.campaignId]);
    return { id: created.campaignId, rewardId };
  }

  const couponsOf = (id: string): Promise<Array<{ member_id: string; n: string | number }>> =>
    db.query("SELECT member_id, COUNT(*) AS n FROM coupons WHERE source = 'campaign' AND source_ref LIKE ? GROUP BY member_id", [
      `${id}:%`,
    ]);

  it('grants exactly one coupon to each audience member, and a re-run of the occurrence grants none', async () => {
    const members = await seedMembers(db, 30);
    const outsider = (await seedMembers(db, 1))[0];
    const { id, rewardId } = await couponCampaign(members);
    const range = {
      runId: 'none',
      partNo: 0,
      campaignId: id,
      occurrence: '2026-05-20',
      asOf: new Date().toISOString(),
      fromId: '',
      toId: null,
    };

    const first = await fanout.runRange(range);
    expect(first).toMatchObject({ granted: 30, over_budget: 0, failed: 0, points: 0 });
    const rows = await couponsOf(id);
    expect(rows.map((r) => r.member_id).sort()).toEqual([...members].sort());
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    const [one] = await db.query('SELECT reward_id, status, points_paid, source_ref FROM coupons WHERE member_id = ? AND source = ?', [
      members[0],
      'campaign',
    ]);
    expect(one).toMatchObject({ reward_id: rewardId, status: 'active', source_ref: `${id}:2026-05-20` });
    expect(Number(one.points_paid)).toBe(0);
    const [outsiderCoupons] = await db.query('SELECT COUNT(*) AS n FROM coupons WHERE member_id = ?', [outsider]);
    expect(Number(outsiderCoupons.n)).toBe(0);

    const again = await fanout.runRange(range);
    expect(again).toEqual(first);
    expect((await couponsOf(id)).reduce((s, r) => s + Number(r.n), 0)).toBe(30);
    // The same batch run twice at once: still one coupon each.
    const c = await repo.find(id);
    await Promise.all([1, 2].map(() => fanout.deliverBatch(c!, '2026-05-20', members)));
    expect((await couponsOf(id)).reduce((s, r) => s + Number(r.n), 0)).toBe(30);
  });

  it('the budget counts coupons: a cap of 10 issues 10, the rest are over budget', async () => {
    const members = await seedMembers(db, 25);
    const { id } = await couponCampaign(members, { budgetPoints: 10 });
    const c = await repo.find(id);
    const sorted = [...members].sort();
    await Promise.all([sorted.slice(0, 12), sorted.slice(12)].map((slice) => fanout.deliverBatch(c!, '2026-05-20', slice)));
    expect((await couponsOf(id)).reduce((s, r) => s + Number(r.n), 0)).toBe(10);
    expect(await repo.budget(id)).toMatchObject({ capPoints: 10, spentPoints: 10 });
    expect(await repo.deliveryTotals(id)).toMatchObject({ granted: 10, over_budget: 15 });
  });
});
