import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { newId } from '../../common/ids';
import { JobRunState } from './entities/job-run.entity';
import { JobsRepository } from './jobs.repository';

/** What every part job carries: its run and its place in it. */
export interface PartPayload {
  runId: string;
  partNo: number;
}

export interface JobView {
  jobId: string;
  kind: string;
  state: JobRunState;
  total: number;
  done: number;
  failed: number;
  /** 0–100, for a progress bar. */
  percent: number;
  params: unknown;
  /** Figures summed over the parts done so far (what each part reported), plus the run's own result once it has one. */
  totals: Record<string, number>;
  result: unknown;
  errors: Array<{ part: number; message: string }>;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * Long jobs split into parts, each a queue job. The database keeps the
 * progress: a part done twice (BullMQ delivers at least once, a killed worker's
 * job is run again) counts once, so a run always finishes with exact figures.
 */
@Injectable()
export class JobRunsService {
  constructor(private readonly repo: JobsRepository) {}

  /** Records a run of `parts` parts; the caller queues them with queueParts(). */
  async start(kind: string, parts: number, params: unknown, createdBy: string | null = null): Promise<string> {
    const id = newId();
    await this.repo.insertRun({
      id,
      kind,
      total: parts,
      params: params === undefined ? null : JSON.stringify(params),
      createdBy,
      now: new Date(),
    });
    return id;
  }

  /**
   * For a kind that runs one at a time: the run of `kind` still running, or a new one like start() (then `started`,
   * and the caller queues its parts). Safe when two ask at once: both get the same run.
   */
  async startUnlessRunning(
    kind: string,
    parts: number,
    params: unknown,
    createdBy: string | null = null,
  ): Promise<{ runId: string; started: boolean }> {
    const { id, inserted } = await this.repo.insertRunUnlessRunning({
      id: newId(),
      kind,
      total: parts,
      params: params === undefined ? null : JSON.stringify(params),
      createdBy,
      now: new Date(),
    });
    return { runId: id, started: inserted };
  }

  /**
   * Queues one job per part; job ids come from the run and the part, so queuing twice queues once. Each part
   * records its queue, job name, job id and data first, so the reconciler (JobReconciler) can queue it again
   * should Redis lose it. `partNos` names the parts when they are not 0..n-1 (a resume, a last part queued
   * later); `jobIdSuffix` makes fresh job ids (a resume after a pause, whose first jobs have completed).
   */
  async queueParts<T extends object>(
    queue: Queue,
    jobName: string,
    runId: string,
    payloads: T[],
    opts: { partNos?: number[]; jobIdSuffix?: string } = {},
  ): Promise<void> {
    if (payloads.length === 0) {
      return;
    }
    const jobs = payloads.map((data, i) => {
      const partNo = opts.partNos?.[i] ?? i;
      return { name: jobName, data: { ...data, runId, partNo }, opts: { jobId: `${runId}-${partNo}${opts.jobIdSuffix ?? ''}` } };
    });
    await this.repo.recordPartJobs(
      runId,
      jobs.map((j) => ({ partNo: j.data.partNo, queueName: queue.name, jobName, jobId: j.opts.jobId, payload: JSON.stringify(j.data) })),
      new Date(),
    );
    await queue.addBulk(jobs);
  }

  /**
   * Runs one part and records it. A part that is already done is skipped. On
   * its last attempt a failing part is recorded as failed (the run then ends
   * as failed, with the error listed). Returns the run's new state when this
   * part finished the run, so the caller can do what follows the whole run.
   */
  async runPart<R extends object>(
    job: Job<PartPayload>,
    work: () => Promise<R>,
  ): Promise<{ result: R | null; finished: JobRunState | null }> {
    const { runId, partNo } = job.data;
    const parts = await this.repo.partResults(runId);
    if (parts[partNo]?.state === 'done') {
      return { result: null, finished: null };
    }
    try {
      const result = await work();
      await this.repo.completePart(runId, partNo, JSON.stringify(result), new Date());
      return { result, finished: await this.repo.finishIfComplete(runId, new Date()) };
    } catch (err) {
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts) {
        await this.repo.failPart(runId, partNo, (err as Error).message ?? String(err), new Date());
        await this.repo.finishIfComplete(runId, new Date());
      }
      throw err;
    }
  }

  async setResult(runId: string, result: unknown): Promise<void> {
    await this.repo.setResult(runId, JSON.stringify(result), new Date());
  }

  async view(runId: string): Promise<JobView> {
    const run = await this.repo.findRun(runId);
    if (!run) {
      throw new DomainError(ErrorCode.JOB_NOT_FOUND, `No job with id ${runId}.`);
    }
    const parts = await this.repo.partResults(runId);
    const totals: Record<string, number> = {};
    for (const p of parts) {
      if (p.state !== 'done' || !p.result) {
        continue;
      }
      for (const [k, v] of Object.entries(JSON.parse(p.result) as Record<string, unknown>)) {
        if (typeof v === 'number') {
          totals[k] = (totals[k] ?? 0) + v;
        }
      }
    }
    return {
      jobId: run.id,
      kind: run.kind,
      state: run.state,
      total: run.total,
      done: run.done,
      failed: run.failed,
      percent: run.total === 0 ? 100 : Math.floor((100 * (run.done + run.failed)) / run.total),
      params: run.params ? JSON.parse(run.params) : null,
      totals,
      result: run.result ? JSON.parse(run.result) : null,
      errors: parts
        .filter((p) => p.state === 'failed')
        .slice(0, 20)
        .map((p) => ({ part: p.partNo, message: p.result ?? '' })),
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    };
  }
}
