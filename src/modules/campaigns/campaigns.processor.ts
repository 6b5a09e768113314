import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { CampaignBatchPayload, CampaignFanoutService, CampaignInterrupted, CampaignPlanPayload } from './campaign-fanout.service';
import { CampaignsRepository } from './campaigns.repository';
import { fanOutMayProceed } from './rules/states';

/**
 * Campaign jobs. A killed worker's job is taken over after its lock runs out
 * (10 s here); the delivery rows make a re-run grant nothing twice.
 */
/** The jobs this processor runs (its queue carries no others). */
type CampaignsJobName = JobName.PlanCampaign | JobName.CampaignBatch;

@Processor(QueueName.Campaigns, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 })
export class CampaignsProcessor extends WorkerHost {
  constructor(
    private readonly fanout: CampaignFanoutService,
    private readonly repo: CampaignsRepository,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<CampaignPlanPayload | CampaignBatchPayload, unknown, CampaignsJobName>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanCampaign:
        return this.fanout.planOccurrence(job.data.campaignId);
      case JobName.CampaignBatch: {
        const data = job.data as CampaignBatchPayload;
        const state = await this.repo.state(data.campaignId);
        if (!state || !fanOutMayProceed(state)) {
          return { interrupted: state };
        }
        try {
          const { finished } = await this.runs.runPart(job as Job<CampaignBatchPayload>, () => this.fanout.runRange(data));
          if (finished) {
            await this.fanout.finishOccurrence(data.campaignId, data.runId);
          }
          return { finished };
        } catch (err) {
          if (err instanceof CampaignInterrupted) {
            return { interrupted: err.state };
          }
          throw err;
        }
      }
      default:
        throw new Error(`Unknown job ${String(job.name)} on ${QueueName.Campaigns}`);
    }
  }
}
