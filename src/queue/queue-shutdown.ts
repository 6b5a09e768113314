import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { ALL_QUEUES } from './queue.constants';

type Closable = Pick<Queue, 'close' | 'disconnect'> | Pick<Worker, 'close' | 'disconnect'>;

/**
 * A provider that gathers queue jobs in memory for a moment (one add per batch, off the POS hot path) implements this.
 * At shutdown its jobs are added while the queues are still open: after the HTTP server has drained and the
 * purchase batches have committed (onModuleDestroy), and before any queue closes.
 */
export interface FlushesIntoQueues {
  flushIntoQueues(): Promise<void>;
}

function flushesIntoQueues(instance: unknown): instance is FlushesIntoQueues {
  return typeof (instance as Partial<FlushesIntoQueues> | null)?.flushIntoQueues === 'function';
}

/**
 * The queue side of a graceful stop, before @nestjs/bullmq's own shutdown hooks: workers finish their running jobs,
 * the batches gathered in memory (FlushesIntoQueues) are queued, then the queues close.
 *
 * BullMQ closes politely (QUIT, and a worker waits for its running job), and with Redis silent that wait has no end,
 * which would hold every later shutdown hook and the process. So each step gets a third of SHUTDOWN_TIMEOUT_MS; then
 * the connections are dropped, and the library's later close() finds them closed.
 */
@Injectable()
export class QueueShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('QueueShutdown');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    // Workers finish their running jobs, what is gathered in memory is queued, then the queues close. A third of
    // SHUTDOWN_TIMEOUT_MS for each step: the watchdog's deadline holds even with Redis silent.
    const stepMs = Math.floor(this.config.shutdownTimeoutMs / 3);
    const workers: Array<{ name: string; target: Closable }> = [];
    for (const host of this.discovery.getProviders().map((w) => w.instance as unknown)) {
      if (host instanceof WorkerHost) {
        try {
          const worker: Worker = (host as WorkerHost).worker;
          workers.push({ name: `worker ${worker.name}`, target: worker });
        } catch {
          // not started (manual registration): nothing to close
        }
      }
    }
    await Promise.all(workers.map(({ name, target }) => this.closeWithin(name, target, stepMs)));
    await this.flushGathered(stepMs);
    const queues = ALL_QUEUES.map((name) => ({
      name: `queue ${name}`,
      target: this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }) as Closable,
    }));
    await Promise.all(queues.map(({ name, target }) => this.closeWithin(name, target, stepMs)));
  }

  private async flushGathered(ms: number): Promise<void> {
    const flushers = this.discovery
      .getProviders()
      .map((w) => w.instance as unknown)
      .filter(flushesIntoQueues);
    let timer: NodeJS.Timeout | undefined;
    const flushed = Promise.all(
      flushers.map((f) => f.flushIntoQueues().catch((err: unknown) => this.logger.error({ err }, 'gathered jobs not queued at shutdown'))),
    ).then(() => true);
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    if (!(await Promise.race([flushed, timedOut]))) {
      this.logger.warn(`gathered jobs were not all queued within ${ms} ms (Redis unreachable?)`);
    }
    clearTimeout(timer);
  }

  private async closeWithin(name: string, target: Closable, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const closed = target.close().then(
      () => true,
      () => true,
    );
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const inTime = await Promise.race([closed, timedOut]);
    clearTimeout(timer);
    if (!inTime) {
      this.logger.warn(`${name} did not close within ${ms} ms (Redis unreachable?); dropping its connections`);
      await Promise.race([target.disconnect().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))]);
    }
  }
}
