import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { CampaignFanoutService } from '../../src/modules/campaigns/campaign-fanout.service';
import { CampaignsModule } from '../../src/modules/campaigns/campaigns.module';
import { CampaignsRepository } from '../../src/modules/campaigns/campaigns.repository';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service';
import { isHoldout } from '../../src/modules/campaigns/rules/holdout';
import { JobRunsService } from '../../src/modules/jobs/job-runs.service';
import { QueueName } from '../../src/queue/queue.constants';
import { campaignLedger, createClubWith, seedMembers } from '../support/campaign-fixtures';

describe('campaign fan-out on the real database', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let fanout: CampaignFanoutService;
  let repo: CampaignsRepository;
  let service: CampaignsService;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [...coreImports('worker'), TierPortsModule, CampaignsModule] }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    fanout = ctx.get(CampaignFanoutService);
    repo = ctx.get(CampaignsRepository);
    service = ctx.get(CampaignsService);
  });

  afterAll(() => ctx.close());

  /** A club campaign in the running state, without queuing anything (the test drives the batches). */
  async function runningCampaign(clubId: string, extra: Record<string, unknown>): Promise<string> {
    const created = await service.create(SYSTEM_ACTOR, {
      name: 'Club gift',
      audience: { include: [{ type: 'club', clubIds: [clubId] }] },
      grant: { points: 100, reason: 'Club gift' },
      schedule: { kind: 'now' },
      ...extra,
    });
    await db.query("UPDATE campaigns SET state = 'running', starts_at = NOW(3) WHERE id = ?", [created.campaignId]);
    return created.campaignId;
  }

  it('grants exactly once per audience member, holds out the hashed share, and a re-run of the range grants nothing', async () => {
    const members = await seedMembers(db, 240);
    const outsider = (await seedMembers(db, 1))[0];
    const clubId = await createClubWith(db, members);
    const id = await runningCampaign(clubId, { holdoutPermille: 200 });
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
    const held = members.filter((m) => isHoldout(id, m, 200));
    expect(held.length).toBeGreaterThan(20);
    expect(first).toMatchObject({
      granted: members.length - held.length,
      holdout: held.length,
      over_budget: 0,
      failed: 0,
      points: (members.length - held.length) * 100,
    });
    expect(await campaignLedger(db, id)).toEqual({
      entries: members.length - held.length,
      points: (members.length - held.length) * 100,
      members: members.length - held.length,
    });
    const [outsiderRow] = await db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [outsider]);
    expect(Number(outsiderRow.balance)).toBe(0);
    const [heldRow] = await db.query('SELECT balance FROM point_accounts WHERE member_id = ?', [held[0]]);
    expect(Number(heldRow.balance)).toBe(0);

    const again = await fanout.runRange(range);
    expect(again).toEqual(first);
    expect((await campaignLedger(db, id)).entries).toBe(members.length - held.length);
    // A new occurrence is a new delivery for everyone.
    await fanout.runRange({ ...range, occurrence: '2026-05-21' });
    expect((await campaignLedger(db, id)).entries).toBe(2 * (members.length - held.length));
  });

  it('stops exactly at the budget cap with 4 batches racing', async () => {
    const members = await seedMembers(db, 200);
    const clubId = await createClubWith(db, members);
    const id = await runningCampaign(clubId, { budgetPoints: 5_000 });
    const c = await repo.find(id);
    const sorted = [...members].sort();
    const slices = [0, 1, 2, 3].map((k) => sorted.slice(k * 50, (k + 1) * 50));
    await Promise.all(slices.map((slice) => fanout.deliverBatch(c!, '2026-05-20', slice)));

    expect(await repo.budget(id)).toMatchObject({ capPoints: 5_000, spentPoints: 5_000 });
    expect(await campaignLedger(db, id)).toEqual({ entries: 50, points: 5_000, members: 50 });
    const totals = await repo.deliveryTotals(id);
    expect(totals).toMatchObject({ granted: 50, over_budget: 150, points: 5_000 });
    // The same batches again: nothing new, the budget untouched.
    await Promise.all(slices.map((slice) => fanout.deliverBatch(c!, '2026-05-20', slice)));
    expect(await campaignLedger(db, id)).toEqual({ entries: 50, points: 5_000, members: 50 });
    expect((await repo.budget(id)).spentPoints).toBe(5_000);
  });

  it('the same batch run twice at once grants each member once', async () => {
    const members = await seedMembers(db, 120);
    const clubId = await createClubWith(db, members);
    const id = await runningCampaign(clubId, {});
    const c = await repo.find(id);
    await Promise.all([1, 2, 3, 4].map(() => fanout.deliverBatch(c!, '2026-05-20', members)));
    expect(await campaignLedger(db, id)).toEqual({ entries: 120, points: 12_000, members: 120 });
  });

  it('each occurrence grants at most the occurrence limit with 4 batches racing, and the next occurrence counts afresh', async () => {
    const members = await seedMembers(db, 200);
    const clubId = await createClubWith(db, members);
    const id = await runningCampaign(clubId, { schedule: { kind: 'cron', cron: '0 9 * * *' } });
    await db.query('UPDATE campaigns SET occurrence_grant_limit = 3000 WHERE id = ?', [id]);
    const c = await repo.find(id);
    const sorted = [...members].sort();
    const slices = [0, 1, 2, 3].map((k) => sorted.slice(k * 25, (k + 1) * 25));
    await Promise.all(slices.map((slice) => fanout.deliverBatch(c!, '2026-05-20', slice)));
    expect(await repo.deliveryTotals(id)).toMatchObject({ granted: 30, over_budget: 70, points: 3_000 });
    // The next day's occurrence: its own 3,000 points, whatever the first one granted.
    await Promise.all(slices.map((slice) => fanout.deliverBatch(c!, '2026-05-21', slice)));
    expect(await campaignLedger(db, id)).toEqual({ entries: 60, points: 6_000, members: expect.any(Number) });
    expect((await repo.budget(id)).spentPoints).toBe(6_000);
  });

  it('plans a run of 2,500 ranges, as a 12.5M-member program has at 5,000 members a range: the run keeps every range', async () => {
    // The ranges are the run's params (JSON, ~90 bytes a range): past ~700 ranges they outgrew a TEXT column and a
    // campaign to every member of a 10M program failed to start ("Data too long for column 'params'").
    const members = await seedMembers(db, 2_500);
    const id = await runningCampaign(await createClubWith(db, members.slice(0, 10)), {});
    const [{ n }] = await db.query<Array<{ n: string }>>('SELECT COUNT(*) AS n FROM members');
    const size = Math.max(1, Math.floor(Number(n) / 2_500));
    const queue = ctx.get<Queue>(getQueueToken(QueueName.Campaigns), { strict: false });
    try {
      const { runId } = await fanout.planOccurrence(id, size);
      const view = await ctx.get(JobRunsService).view(runId!);
      const ranges = (view.params as { ranges: Array<{ fromId: string; toId: string | null }> }).ranges;
      expect(ranges.length).toBeGreaterThanOrEqual(2_500);
      expect(view.total).toBe(ranges.length);
      // Whole: consecutive, the first from the start, the last open-ended.
      expect(ranges[0].fromId).toBe('');
      expect(ranges[ranges.length - 1].toId).toBeNull();
      ranges.slice(1).forEach((r, i) => expect(r.fromId).toBe(ranges[i].toId));
      const [{ bytes }] = await db.query<Array<{ bytes: string }>>('SELECT LENGTH(params) AS bytes FROM job_runs WHERE id = ?', [runId]);
      expect(Number(bytes)).toBeGreaterThan(65_535);
      expect(await queue.getJobCountByTypes('waiting', 'delayed', 'prioritized')).toBeGreaterThanOrEqual(ranges.length);
    } finally {
      // No worker runs here; the queued range jobs must not reach a later suite's worker.
      await queue.obliterate({ force: true });
    }
  });
});
