import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, PlanPayload, QueueName, RangePayload } from '../../queue/queue.constants';
import { JobRunsService } from '../jobs/job-runs.service';
import { RangedJob } from '../jobs/ranged-job';
import { StartRangedRun } from '../jobs/start-ranged-run';
import { ExpireCouponsUseCase } from './use-cases/expire-coupons.use-case';

export const COUPON_EXPIRY = {
  kind: 'coupon-expiry',
  queue: QueueName.Coupons,
  planJob: JobName.PlanCouponExpiry,
  rangeJob: JobName.CouponExpiryRange,
  schedule: {
    id: 'daily-coupon-expiry',
    pattern: '0 5 0 * * *',
    tz: 'Asia/Shanghai',
    says: 'coupon expiry and expiring-coupon notices daily 00:05 Asia/Shanghai',
  },
} satisfies RangedJob;

/** Daily coupon expiry and expiring notices: a plan job records a run and fans out one job per member-id range. */
@Processor(QueueName.Coupons)
export class CouponsProcessor extends WorkerHost {
  constructor(
    private readonly startRun: StartRangedRun,
    private readonly expire: ExpireCouponsUseCase,
    private readonly runs: JobRunsService,
  ) {
    super();
  }

  async process(job: Job<PlanPayload | RangePayload, unknown, JobName.PlanCouponExpiry | JobName.CouponExpiryRange>): Promise<unknown> {
    switch (job.name) {
      case JobName.PlanCouponExpiry:
        return this.startRun.start(COUPON_EXPIRY, job.data.asOf ?? new Date().toISOString());
      case JobName.CouponExpiryRange: {
        const data = job.data as RangePayload;
        return this.runs.runPart(job as Job<RangePayload>, () =>
          this.expire.expire({ fromId: data.fromId, toId: data.toId }, new Date(data.asOf)),
        );
      }
      default:
        throw new Error(`Unknown job ${String(job.name)} on ${QueueName.Coupons}`);
    }
  }
}
