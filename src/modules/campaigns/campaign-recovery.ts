import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue/queue.constants';
import { JobReconciler } from '../jobs/job-reconciler';
import { ensureJobScheduler } from '../jobs/reconcile-loop';
import { CampaignFanoutService } from './campaign-fanout.service';
import { CampaignsRepository } from './campaigns.repository';
import { fanOutMayProceed } from './rules/states';

/**
 * What campaigns keep in Redis, re-established from the database after Redis
 * lost it (restarted empty): the plan job of a campaign launched now or at a
 * time, the job scheduler of a recurring one. Lost range jobs are the job
 * reconciler's (the 'campaign' kind below); a paused or cancelled campaign's
 * parts stay unqueued, and a run a dead worker ended without finishing the
 * campaign is finished here. And an active bonus rule whose window has
 * closed is marked ended (every JOB_RECONCILE_INTERVAL_MS).
 */
@Injectable()
export class CampaignRecovery implements OnModuleInit {
  constructor(
    private readonly reconciler: JobReconciler,
    private readonly repo: CampaignsRepository,
    private readonly fanout: CampaignFanoutService,
    @InjectQueue(QueueName.Campaigns) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.reconciler.registerKind('campaign', {
      mayContinue: async (runId) => {
        const c = await this.repo.campaignOfRun(runId);
        return c !== null && fanOutMayProceed(c.state);
      },
      afterFinish: async (runId) => {
        const c = await this.repo.campaignOfRun(runId);
        if (c) {
          await this.fanout.finishOccurrence(c.id, runId);
        }
      },
    });
    this.reconciler.registerTask({ name: 'campaign schedules', run: () => this.rearm() });
    this.reconciler.registerTask({
      name: 'bonus rule windows',
      run: async () => {
        await this.fanout.endClosedBonusRules();
      },
    });
  }

  /** One pass over the scheduled and running campaigns. */
  async rearm(): Promise<void> {
    for (const c of await this.repo.armedCampaigns()) {
      const data = { campaignId: c.id };
      if (c.scheduleKind === 'cron' && c.cron) {
        await ensureJobScheduler(this.queue, `campaign-${c.id}`, { pattern: c.cron, tz: c.timezone }, { name: JobName.PlanCampaign, data });
      } else if (c.state === 'scheduled' && c.scheduleKind === 'at' && c.startsAt) {
        // A job id already in Redis (waiting, delayed or done) makes this a no-op.
        await this.queue.add(JobName.PlanCampaign, data, {
          jobId: `plan-${c.id}-at`,
          delay: Math.max(c.startsAt.getTime() - Date.now(), 0),
        });
      } else if (c.state === 'running' && c.runId === null) {
        await this.queue.add(JobName.PlanCampaign, data, { jobId: `plan-${c.id}-${c.scheduleKind}` });
      }
      if (c.state === 'running' && c.runId && c.runState !== null && c.runState !== 'running') {
        await this.fanout.finishOccurrence(c.id, c.runId);
      }
    }
  }
}
