import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { JobRunState } from './entities/job-run.entity';
import { JobsRepository, PendingPartJob } from './jobs.repository';

/** What a kind of long job tells the reconciler. */
export interface JobKindRecovery {
  /** False while the run must not go on (a paused campaign): its lost parts are left to whoever resumes it. */
  mayContinue?: (runId: string) => Promise<boolean>;
  /** After the reconciler closed a run whose parts had all ended (its worker died before closing it). */
  afterFinish?: (runId: string, state: JobRunState) => Promise<void>;
}

/** Something to re-establish in Redis at start and after a Redis restart (job schedulers, planned jobs). */
export interface RecoveryTask {
  name: string;
  run: () => Promise<void>;
}

export interface ReconcileReport {
  /** Parts whose queue job was gone, queued again under the same job id. */
  requeued: number;
  /** Parts whose queue job had failed for good while the part was not recorded as failed (the database was away): retried. */
  retried: number;
  /** Runs closed because every part had ended. */
  closed: number;
  /** Recovery tasks that threw (logged, tried again next time). */
  taskErrors: number;
}

/** Pending parts looked at per pass; a bigger backlog is taken over the next passes. */
const PARTS_PER_PASS = 5_000;

/**
 * Makes every long job (JobRunsService) survive Redis losing its keys — a
 * restart of a Redis that keeps nothing on disk, a failover, a flush. The
 * database is the record: a part still pending of a running run, whose queue
 * job is no longer in Redis, is queued again with the job id and data it was
 * queued with (recorded by queueParts). A part run twice does no harm: parts
 * are recorded once and the work of each kind is idempotent (delivery keys,
 * ledger references). Runs whose parts have all ended but that a dead worker
 * left open are closed. Registered tasks (job schedulers) are re-established.
 * Workers run it at start and every JOB_RECONCILE_INTERVAL_MS; several
 * workers reconciling at once is harmless (fixed job ids).
 */
@Injectable()
export class JobReconciler {
  private readonly logger = new Logger(JobReconciler.name);
  private readonly kinds = new Map<string, JobKindRecovery>();
  private readonly tasks: RecoveryTask[] = [];

  constructor(
    private readonly repo: JobsRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  registerKind(kind: string, recovery: JobKindRecovery): void {
    this.kinds.set(kind, recovery);
  }

  registerTask(task: RecoveryTask): void {
    this.tasks.push(task);
  }

  /**
   * One pass. `endedGraceMs`: a run whose parts have all ended is closed only
   * once it has not changed for this long, so the worker finishing its last
   * part closes it itself (and does what follows the run) in the normal case.
   */
  async reconcile(endedGraceMs = 60_000): Promise<ReconcileReport> {
    const report: ReconcileReport = { requeued: 0, retried: 0, closed: 0, taskErrors: 0 };
    for (const task of this.tasks) {
      try {
        await task.run();
      } catch (err) {
        report.taskErrors += 1;
        this.logger.warn(`recovery task ${task.name} failed: ${(err as Error).message}`);
      }
    }
    await this.requeueLostParts(report);
    await this.closeEndedRuns(report, endedGraceMs);
    if (report.requeued + report.retried + report.closed > 0) {
      this.logger.warn(report, 'long jobs reconciled with their queue jobs');
    }
    return report;
  }

  private async requeueLostParts(report: ReconcileReport): Promise<void> {
    const parts = await this.repo.pendingPartJobs(new Date(), PARTS_PER_PASS);
    const allowed = new Map<string, boolean>();
    const byQueue = new Map<string, PendingPartJob[]>();
    for (const p of parts) {
      if (!allowed.has(p.runId)) {
        const check = this.kinds.get(p.kind)?.mayContinue;
        allowed.set(p.runId, check ? await check(p.runId) : true);
      }
      if (allowed.get(p.runId)) {
        byQueue.set(p.queueName, [...(byQueue.get(p.queueName) ?? []), p]);
      }
    }
    for (const [queueName, queueParts] of byQueue) {
      const queue = this.queue(queueName);
      if (!queue) {
        continue;
      }
      const client = (await queue.getBackend().client) as unknown as Redis;
      const pipeline = client.pipeline();
      for (const p of queueParts) {
        pipeline.exists(queue.toKey(p.jobId));
        pipeline.zscore(queue.keys.failed, p.jobId);
      }
      const answers = (await pipeline.exec()) ?? [];
      const lost: PendingPartJob[] = [];
      for (const [i, p] of queueParts.entries()) {
        const [existsErr, exists] = answers[2 * i] ?? [];
        const [failedErr, failedScore] = answers[2 * i + 1] ?? [];
        if (existsErr || failedErr) {
          continue;
        }
        if (Number(exists) === 0) {
          lost.push(p);
        } else if (failedScore !== null && failedScore !== undefined) {
          // Failed for good without the part being recorded as failed: the database was away when it gave up.
          const job = await queue.getJob(p.jobId);
          if (job && (await job.isFailed())) {
            await job.retry('failed');
            report.retried += 1;
          }
        }
      }
      if (lost.length > 0) {
        await queue.addBulk(lost.map((p) => ({ name: p.jobName, data: JSON.parse(p.payload) as object, opts: { jobId: p.jobId } })));
        report.requeued += lost.length;
      }
    }
  }

  private async closeEndedRuns(report: ReconcileReport, graceMs: number): Promise<void> {
    for (const run of await this.repo.endedButRunning(new Date(Date.now() - graceMs), 100)) {
      const state = await this.repo.finishIfComplete(run.id, new Date());
      if (state) {
        report.closed += 1;
        await this.kinds.get(run.kind)?.afterFinish?.(run.id, state);
      }
    }
  }

  private queue(name: string): Queue | null {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      this.logger.warn(`no queue ${name} in this process: its parts are left to a process that has it`);
      return null;
    }
  }
}
