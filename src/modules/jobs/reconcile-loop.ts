import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, RepeatOptions } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobReconciler } from './job-reconciler';

/**
 * Runs the reconciler in a worker process: once at start, then every
 * JOB_RECONCILE_INTERVAL_MS. A pass that fails (Redis or MySQL away) is
 * logged and the next one tries again; passes never overlap.
 */
@Injectable()
export class ReconcileLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcileLoop.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly reconciler: JobReconciler,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: a start with Redis or MySQL away is not held up.
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.jobReconcileIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  private tick(): void {
    if (this.running) {
      return;
    }
    this.running = this.reconciler
      .reconcile()
      .then(() => undefined)
      .catch((err: Error) => this.logger.warn(`reconcile pass failed: ${err.message}; trying again later`))
      .finally(() => (this.running = null));
  }
}

/** Registers a BullMQ job scheduler when it is missing (a Redis restarted empty); an existing one is left as it is. */
export async function ensureJobScheduler(
  queue: Queue,
  id: string,
  repeat: Omit<RepeatOptions, 'key'>,
  template: { name: string; data: object; opts?: Record<string, unknown> },
): Promise<boolean> {
  if (await queue.getJobScheduler(id)) {
    return false;
  }
  await queue.upsertJobScheduler(id, repeat, template);
  return true;
}
