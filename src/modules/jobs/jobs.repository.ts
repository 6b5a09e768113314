import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toInt } from '../../common/transformers';
import { WriteResult } from '../../database/transaction';
import { JobRun, JobRunState } from './entities/job-run.entity';

export interface PartJob {
  partNo: number;
  queueName: string;
  jobName: string;
  jobId: string;
  payload: string;
}

/** A pending part of a running run whose queue job is recorded: what the reconciler checks against Redis. */
export interface PendingPartJob extends PartJob {
  runId: string;
  kind: string;
}

export interface PartRow {
  partNo: number;
  state: string;
  result: string | null;
}

/** All SQL of job runs and their parts. */
/** A run to insert, with its parts numbered 0 … total - 1. */
export interface NewJobRun {
  id: string;
  kind: string;
  total: number;
  params: string | null;
  createdBy: string | null;
  now: Date;
}

@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertRun(run: NewJobRun): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO job_runs (id, kind, state, total, done, failed, params, result, created_by, created_at, updated_at, finished_at)
         VALUES (?, ?, ?, ?, 0, 0, ?, NULL, ?, ?, ?, NULL)`,
        [run.id, run.kind, run.total === 0 ? 'completed' : 'running', run.total, run.params, run.createdBy, run.now, run.now],
      );
      for (let from = 0; from < run.total; from += 1000) {
        const count = Math.min(1000, run.total - from);
        await m.query(
          `INSERT INTO job_run_parts (run_id, part_no, state, result, updated_at) VALUES ${new Array(count).fill("(?, ?, 'pending', NULL, ?)").join(', ')}`,
          Array.from({ length: count }, (_, i) => [run.id, from + i, run.now]).flat(),
        );
      }
    });
  }

  /**
   * The running run of `kind`, or a new run inserted as insertRun does: under a named lock of this database and kind,
   * so two requests at the same moment (on any API instance) find one run between them, never start two.
   */
  async insertRunUnlessRunning(run: NewJobRun): Promise<{ id: string; inserted: boolean }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lockName = 'SHA1(CONCAT(DATABASE(), ?))';
    try {
      const [{ got }] = (await runner.query(`SELECT GET_LOCK(${lockName}, 10) AS got`, [`:job-run:${run.kind}`])) as Array<{
        got: unknown;
      }>;
      if (Number(got) !== 1) {
        throw new Error(`Could not take the start lock of ${run.kind} runs within 10 s`);
      }
      try {
        const running = (await runner.query(
          "SELECT id FROM job_runs WHERE kind = ? AND state = 'running' ORDER BY created_at DESC LIMIT 1",
          [run.kind],
        )) as Array<{ id: string }>;
        if (running.length > 0) {
          return { id: running[0].id, inserted: false };
        }
        await this.insertRun(run);
        return { id: run.id, inserted: true };
      } finally {
        await runner.query(`SELECT RELEASE_LOCK(${lockName})`, [`:job-run:${run.kind}`]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Marks a part done once. Returns true the first time; a part run again
   * (a retried or stalled queue job) changes nothing and returns false.
   */
  async completePart(runId: string, partNo: number, result: string | null, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const r: WriteResult = await m.query(
        "UPDATE job_run_parts SET state = 'done', result = ?, updated_at = ? WHERE run_id = ? AND part_no = ? AND state <> 'done'",
        [result, now, runId, partNo],
      );
      if (r.affectedRows === 0) {
        return false;
      }
      await m.query(
        `UPDATE job_runs SET done = done + 1,
                failed = (SELECT COUNT(*) FROM job_run_parts WHERE run_id = ? AND state = 'failed'),
                updated_at = ? WHERE id = ?`,
        [runId, now, runId],
      );
      return true;
    });
  }

  async failPart(runId: string, partNo: number, error: string, now: Date): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const r: WriteResult = await m.query(
        "UPDATE job_run_parts SET state = 'failed', result = ?, updated_at = ? WHERE run_id = ? AND part_no = ? AND state = 'pending'",
        [error, now, runId, partNo],
      );
      if (r.affectedRows > 0) {
        await m.query('UPDATE job_runs SET failed = failed + 1, updated_at = ? WHERE id = ?', [now, runId]);
      }
    });
  }

  /** Closes the run when every part is done (or failed); returns the new state, or null while parts remain. */
  async finishIfComplete(runId: string, now: Date): Promise<JobRunState | null> {
    const r: WriteResult = await this.dataSource.query(
      `UPDATE job_runs SET state = CASE WHEN failed > 0 THEN 'failed' ELSE 'completed' END, finished_at = ?, updated_at = ?
        WHERE id = ? AND state = 'running' AND done + failed >= total`,
      [now, now, runId],
    );
    if (r.affectedRows === 0) {
      return null;
    }
    const run = await this.findRun(runId);
    return run?.state ?? null;
  }

  async setResult(runId: string, result: string, now: Date): Promise<void> {
    await this.dataSource.query('UPDATE job_runs SET result = ?, updated_at = ? WHERE id = ?', [result, now, runId]);
  }

  async findRun(runId: string): Promise<JobRun | null> {
    return this.dataSource.getRepository(JobRun).findOne({ where: { id: runId } });
  }

  async partResults(runId: string): Promise<PartRow[]> {
    const rows: Array<{ part_no: number | string; state: string; result: string | null }> = await this.dataSource.query(
      'SELECT part_no, state, result FROM job_run_parts WHERE run_id = ? ORDER BY part_no',
      [runId],
    );
    return rows.map((r) => ({ partNo: toInt(r.part_no), state: r.state, result: r.result }));
  }

  async failedParts(runId: string, limit: number): Promise<PartRow[]> {
    const rows: Array<{ part_no: number | string; state: string; result: string | null }> = await this.dataSource.query(
      `SELECT part_no, state, result FROM job_run_parts WHERE run_id = ? AND state = 'failed' ORDER BY part_no LIMIT ${Number(limit)}`,
      [runId],
    );
    return rows.map((r) => ({ partNo: toInt(r.part_no), state: r.state, result: r.result }));
  }

  /** Records where each part's queue job lives (a part queued again, e.g. on resume, takes its new job id). */
  async recordPartJobs(runId: string, jobs: PartJob[], now: Date): Promise<void> {
    for (let from = 0; from < jobs.length; from += 500) {
      const chunk = jobs.slice(from, from + 500);
      await this.dataSource.query(
        `INSERT INTO job_run_parts (run_id, part_no, state, result, updated_at, queue_name, job_name, job_id, payload)
         VALUES ${chunk.map(() => "(?, ?, 'pending', NULL, ?, ?, ?, ?, ?)").join(', ')}
         ON DUPLICATE KEY UPDATE queue_name = VALUES(queue_name), job_name = VALUES(job_name), job_id = VALUES(job_id),
                                 payload = VALUES(payload), updated_at = VALUES(updated_at)`,
        chunk.flatMap((j) => [runId, j.partNo, now, j.queueName, j.jobName, j.jobId, j.payload]),
      );
    }
  }

  /** Pending parts with a recorded queue job, of runs still running and started before `startedBefore`. */
  async pendingPartJobs(startedBefore: Date, limit: number): Promise<PendingPartJob[]> {
    const rows: Array<{
      run_id: string;
      kind: string;
      part_no: number | string;
      queue_name: string;
      job_name: string;
      job_id: string;
      payload: string;
    }> = await this.dataSource.query(
      `SELECT p.run_id, r.kind, p.part_no, p.queue_name, p.job_name, p.job_id, p.payload
         FROM job_runs r JOIN job_run_parts p ON p.run_id = r.id
        WHERE r.state = 'running' AND r.created_at < ? AND p.state = 'pending' AND p.job_id IS NOT NULL
        ORDER BY r.created_at, p.run_id, p.part_no LIMIT ${Number(limit)}`,
      [startedBefore],
    );
    return rows.map((r) => ({
      runId: r.run_id,
      kind: r.kind,
      partNo: toInt(r.part_no),
      queueName: r.queue_name,
      jobName: r.job_name,
      jobId: r.job_id,
      payload: r.payload,
    }));
  }

  /** Runs still marked running, unchanged since `before`, although every part has ended (a worker died between its part and closing the run). */
  async endedButRunning(before: Date, limit: number): Promise<Array<{ id: string; kind: string }>> {
    return this.dataSource.query(
      `SELECT id, kind FROM job_runs WHERE state = 'running' AND done + failed >= total AND updated_at < ? ORDER BY created_at LIMIT ${Number(limit)}`,
      [before],
    );
  }
}
