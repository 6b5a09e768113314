import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ClubRegroupRangePayload, EvaluateClubMembersPayload, JobName, PlanPayload, QueueName } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { ClubMembershipService } from './club-membership.service';

/** Club membership by rule: incremental evaluations after purchases, and regroups over member-id ranges. */
/** The jobs this processor runs (its queue carries no others). */
type ClubsJobName = JobName.EvaluateClubMembers | JobName.PlanClubRegroup | JobName.RegroupClubRange;

@Processor(QueueName.ClubMembership)
export class ClubMembershipProcessor extends WorkerHost {
  constructor(
    private readonly membership: ClubMembershipService,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<EvaluateClubMembersPayload | PlanPayload | ClubRegroupRangePayload, unknown, ClubsJobName>): Promise<unknown> {
    switch (job.name) {
      case JobName.EvaluateClubMembers:
        return this.membership.evaluateMembers((job.data as EvaluateClubMembersPayload).memberIds);
      case JobName.PlanClubRegroup: {
        const data = job.data as PlanPayload;
        return { runId: await this.membership.startRegroup(null, null, data.asOf ? new Date(data.asOf) : new Date()) };
      }
      case JobName.RegroupClubRange: {
        const data = job.data as ClubRegroupRangePayload;
        return this.runs.runPart(job as Job<ClubRegroupRangePayload>, () =>
          this.membership.regroupRange(data.clubIds, { fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      default:
        throw new Error(`Unknown job ${String(job.name)} on ${QueueName.ClubMembership}`);
    }
  }
}
