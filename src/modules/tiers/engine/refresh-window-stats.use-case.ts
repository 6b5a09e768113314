import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { newId } from '../../../common/ids';
import { JobName, QueueName, RangePayload } from '../../../queue/queue.constants';
import { JobRunsService } from '../../jobs/job-runs.service';
import { ProgramSettingsService } from '../../program/program-settings.service';
import { PlanMemberRanges } from '../../jobs/plan-member-ranges';
import { RangedJob } from '../../jobs/ranged-job';
import { snapshotWindows } from '../rules/window-snapshot';
import { MemberRangeBounds, TierEngineRepository, WindowSnapshot } from './tier-engine.repository';

/** The daily refresh of the simulation's window sums over member-id ranges. */
export const WINDOW_STATS = {
  kind: 'tier-window-stats',
  queue: QueueName.TierReview,
  planJob: JobName.PlanWindowStats,
  rangeJob: JobName.WindowStatsRange,
  schedule: { id: 'daily-window-stats', pattern: '0 20 0 * * *', tz: 'UTC', says: 'simulation window sums daily 00:20' },
} satisfies RangedJob;

/**
 * Refreshes the what-if simulation's snapshot (member_window_stats): every
 * member's qualifying-window sums, set-based per member-id range. Either as a
 * run of queued range parts (the daily schedule; the snapshot's id is the
 * run's id and it is finished when the run is done) or in-process range after
 * range (the simulation, when no snapshot serves). Both write a range with
 * the same statement; a range written twice gets the same rows.
 */
@Injectable()
export class RefreshWindowStatsUseCase {
  constructor(
    private readonly repo: TierEngineRepository,
    private readonly plan: PlanMemberRanges,
    private readonly runs: JobRunsService,
    private readonly settings: ProgramSettingsService,
    @InjectQueue(QueueName.TierReview) private readonly queue: Queue,
  ) {}

  /** Records a refresh run and its snapshot, and queues one part per member-id range. */
  async start(asOf: Date, createdBy: string | null = null): Promise<{ runId: string; ranges: number }> {
    const ranges = await this.plan.plan();
    const windows = snapshotWindows(asOf, (await this.settings.get()).qualifyingWindowMonths);
    const runId = await this.runs.start(WINDOW_STATS.kind, ranges.length, { asOf: asOf.toISOString(), ...windows }, createdBy);
    await this.repo.insertSnapshot({ id: runId, ...windows, asOf });
    await this.runs.queueParts<Omit<RangePayload, 'runId' | 'partNo'>>(
      this.queue,
      WINDOW_STATS.rangeJob,
      runId,
      ranges.map((r) => ({ asOf: asOf.toISOString(), fromId: r.fromId, toId: r.toId })),
    );
    return { runId, ranges: ranges.length };
  }

  /** One range of a snapshot, with the windows and instant recorded when it started. */
  async refreshRange(snapshotId: string, range: MemberRangeBounds): Promise<{ members: number }> {
    const snapshot = await this.repo.findSnapshot(snapshotId);
    if (!snapshot) {
      throw new Error(`No window stats snapshot ${snapshotId}`);
    }
    return { members: await this.repo.refreshWindowStats(range, snapshot.windowStart, snapshot.spendStart, snapshot.asOf) };
  }

  /** Marks the snapshot finished: the simulation may read it from now on. */
  async finish(snapshotId: string): Promise<void> {
    await this.repo.finishSnapshot(snapshotId, new Date());
  }

  /** A whole refresh in this process, range after range (each range its own short statement). */
  async refresh(asOf: Date): Promise<WindowSnapshot & { members: number }> {
    const windows = snapshotWindows(asOf, (await this.settings.get()).qualifyingWindowMonths);
    const id = newId();
    await this.repo.insertSnapshot({ id, ...windows, asOf });
    let members = 0;
    for (const range of await this.plan.plan()) {
      members += await this.repo.refreshWindowStats(range, windows.windowStart, windows.spendStart, asOf);
    }
    await this.finish(id);
    return { id, ...windows, asOf, finishedAt: new Date(), members };
  }
}
