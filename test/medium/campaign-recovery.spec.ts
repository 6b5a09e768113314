import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { coreImports } from '../../src/core.module';
import { TierPortsModule } from '../../src/modules/tiers/tier-ports.module';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service';
import { CampaignFanoutService } from '../../src/modules/campaigns/campaign-fanout.service';
import { CampaignRecovery } from '../../src/modules/campaigns/campaign-recovery';
import { CampaignsModule } from '../../src/modules/campaigns/campaigns.module';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service';
import { JobReconciler } from '../../src/modules/jobs/job-reconciler';
import { QueueName } from '../../src/queue/queue.constants';
import { deleteKeysUnder } from '../../src/queue/delete-keys-under';
import { createClubWith, seedMembers } from '../support/campaign-fixtures';

/** What campaigns keep in Redis comes back after Redis lost it; a paused campaign's parts stay unqueued. No worker runs here. */
describe('campaign recovery after Redis lost its keys', () => {
  let ctx: INestApplicationContext;
  let db: DataSource;
  let service: CampaignsService;
  let recovery: CampaignRecovery;
  let reconciler: JobReconciler;
  let fanout: CampaignFanoutService;
  let queue: Queue;
  let clubId: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [...coreImports('worker'), TierPortsModule, CampaignsModule] }).compile();
    ctx = moduleRef.createNestApplication({ logger: false });
    await ctx.init();
    db = ctx.get(DataSource);
    service = ctx.get(CampaignsService);
    recovery = ctx.get(CampaignRecovery);
    reconciler = ctx.get(JobReconciler);
    fanout = ctx.get(CampaignFanoutService);
    queue = ctx.get<Queue>(getQueueToken(QueueName.Campaigns), { strict: false });
    clubId = await createClubWith(db, await seedMembers(db, 30));
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await ctx.close();
  });

  async function wipeCampaignQueue(): Promise<void> {
    await deleteKeysUnder((await queue.getBackend().client) as unknown as Redis, queue.toKey(''));
  }

  const create = async (schedule: Record<string, unknown>) =>
    (
      await service.create(SYSTEM_ACTOR, {
        name: 'Recovery',
        audience: { include: [{ type: 'club', clubIds: [clubId] }] },
        grant: { points: 5, reason: 'Recovery' },
        schedule,
      } as never)
    ).campaignId;

  it("a launched-now campaign's plan job and a recurring campaign's job scheduler come back", async () => {
    const now = await create({ kind: 'now' });
    await service.launch(SYSTEM_ACTOR, now);
    const cron = await create({ kind: 'cron', cron: '0 9 * * *', timezone: 'Asia/Shanghai' });
    await service.launch(SYSTEM_ACTOR, cron);
    expect(await queue.getJob(`plan-${now}-now`)).toBeDefined();
    expect(await queue.getJobScheduler(`campaign-${cron}`)).toBeDefined();

    await wipeCampaignQueue();
    expect(await queue.getJob(`plan-${now}-now`)).toBeUndefined();
    expect(await queue.getJobScheduler(`campaign-${cron}`)).toBeUndefined();

    await recovery.rearm();
    expect((await queue.getJob(`plan-${now}-now`))?.data).toEqual({ campaignId: now });
    expect(await queue.getJobScheduler(`campaign-${cron}`)).toMatchObject({ pattern: '0 9 * * *', tz: 'Asia/Shanghai' });
  });

  it("a paused campaign's lost range jobs stay unqueued; once resumed, lost ones are queued again", async () => {
    const id = await create({ kind: 'now' });
    await service.launch(SYSTEM_ACTOR, id);
    const { runId } = await fanout.planOccurrence(id);
    const parts = Number((await db.query('SELECT total FROM job_runs WHERE id = ?', [runId]))[0].total);
    expect(parts).toBeGreaterThan(0);
    expect(await queue.getJob(`${runId}-0`)).toBeDefined();

    await service.pause(SYSTEM_ACTOR, id);
    await wipeCampaignQueue();
    await reconciler.reconcile();
    expect(await queue.getJob(`${runId}-0`)).toBeUndefined();

    await service.resume(SYSTEM_ACTOR, id);
    const [resumed] = await db.query('SELECT job_id FROM job_run_parts WHERE run_id = ? AND part_no = 0', [runId]);
    expect(resumed.job_id).toMatch(new RegExp(`^${runId}-0-r\\d+$`));
    await wipeCampaignQueue();
    await reconciler.reconcile();
    expect((await queue.getJob(resumed.job_id as string))?.data).toMatchObject({ runId, partNo: 0, campaignId: id });
  });

  it('a running campaign whose run ended while no worker finished it is finished', async () => {
    const id = await create({ kind: 'now' });
    await service.launch(SYSTEM_ACTOR, id);
    const { runId } = await fanout.planOccurrence(id);
    await db.query("UPDATE job_runs SET state = 'completed', done = total, finished_at = NOW(3) WHERE id = ?", [runId]);
    expect((await service.get(id)).state).toBe('running');
    await recovery.rearm();
    expect((await service.get(id)).state).toBe('completed');
  });
});
