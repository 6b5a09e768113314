import { BullModule } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';

/** Socket-level errors of a Redis connection that is away: queues and workers reconnect by themselves. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (typeof e?.code === 'string' && CONNECTION_ERROR_CODES.has(e.code)) || e?.message === 'Connection is closed.';
}

const logger = new Logger('Queues');

function listenForErrors(emitter: Pick<Queue, 'on' | 'name'>): void {
  emitter.on('error', (err: unknown) => {
    if (!isConnectionError(err)) {
      logger.warn({ queue: emitter.name, err }, 'queue error');
    }
  });
}

/**
 * BullMQ 6 emits every Redis connection error of a queue or worker as its 'error' event (BullMQ 5 passed them on
 * only to a listener); with none, each reconnect attempt while Redis is away prints a raw stack on stderr, from the
 * moment the queue is built. These classes listen from their construction: connection errors stay quiet as before
 * (they reconnect by themselves, and /health/ready reports Redis down); any other error is logged.
 */
export class AppQueue extends Queue {
  constructor(...args: ConstructorParameters<typeof Queue>) {
    super(...args);
    listenForErrors(this);
  }
}

export class AppWorker extends Worker {
  constructor(...args: ConstructorParameters<typeof Worker>) {
    super(...args);
    listenForErrors(this as unknown as Pick<Queue, 'on' | 'name'>);
  }
}

// @nestjs/bullmq builds every registered queue and every processor's worker with these.
BullModule.queueClass = AppQueue;
BullModule.workerClass = AppWorker;
