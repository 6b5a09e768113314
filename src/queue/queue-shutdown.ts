import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { ALL_QUEUES } from './queue.constants';

type Closable = Pick<Queue, 'close' | 'disconnect'> | Pick<Worker, 'close' | 'disconnect'>;

/**
 * BullMQ closes politely (QUIT, and a worker waits for its running job), and
 * with Redis silent that wait has no end, which would hold every later
 * shutdown hook and the process. This runs before @nestjs/bullmq's own
 * shutdown hooks and gives each queue and worker half of SHUTDOWN_TIMEOUT_MS
 * to close; then its connections are dropped, and the library's later close()
 * finds them closed.
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
    const closables: Array<{ name: string; target: Closable }> = [];
    for (const host of this.discovery.getProviders().map((w) => w.instance as unknown)) {
      if (host instanceof WorkerHost) {
        try {
          closables.push({ name: `worker ${host.worker.name}`, target: host.worker });
        } catch {
          // not started (manual registration): nothing to close
        }
      }
    }
    for (const name of ALL_QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      closables.push({ name: `queue ${name}`, target: queue });
    }
    const deadlineMs = Math.floor(this.config.shutdownTimeoutMs / 2);
    await Promise.all(closables.map(({ name, target }) => this.closeWithin(name, target, deadlineMs)));
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
