import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { ALL_QUEUES } from '../../queue/queue.constants';

export type PostingType = 'purchase' | 'refund' | 'redemption' | 'redemption_cancel';

/** How long one scrape waits for Redis before reporting the queue depths it has. */
const QUEUE_SCRAPE_TIMEOUT_MS = 1000;

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/** mysql2's pool keeps its connections in double-ended queues (Denque) with a length. */
interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Prometheus metrics of one app instance. Its own registry (not prom-client's
 * global one), so two apps in one process (tests, `npm start`) do not clash.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger(MetricsService.name);
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly postings = new Counter({
    name: 'loyalty_postings_total',
    help: 'Postings written, by type (replays of an earlier request are not counted)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {
    collectDefaultMetrics({ register: this.registry });
    for (const type of ['purchase', 'refund', 'redemption', 'redemption_cancel'] as const) {
      this.postings.inc({ type }, 0);
    }
    // prom-client calls collect() with the gauge as `this`; the service's parts are captured here.
    const queues = this.moduleRef;
    const logger = this.logger;
    const mysqlPool = () => this.mysqlPool();
    new Gauge({
      name: 'bullmq_queue_jobs',
      help: 'Jobs per BullMQ queue and state, read from Redis at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          ALL_QUEUES.map(async (name) => {
            try {
              const queue = queues.get<Queue>(getQueueToken(name), { strict: false });
              const counts = await withTimeout(queue.getJobCounts(...QUEUE_STATES), QUEUE_SCRAPE_TIMEOUT_MS);
              for (const state of QUEUE_STATES) {
                this.set({ queue: name, state }, counts[state] ?? 0);
              }
            } catch (err) {
              logger.warn({ queue: name, err }, 'queue depth not available for this scrape');
            }
          }),
        );
      },
    });
    new Gauge({
      name: 'mysql_pool_connections',
      help: 'MySQL connection pool: total open, free, and requests queued waiting for a connection; limit is the pool size',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = mysqlPool();
        if (!pool) {
          return;
        }
        this.set({ state: 'total' }, pool._allConnections?.length ?? 0);
        this.set({ state: 'free' }, pool._freeConnections?.length ?? 0);
        this.set({ state: 'queued' }, pool._connectionQueue?.length ?? 0);
        this.set({ state: 'limit' }, pool.config?.connectionLimit ?? 0);
      },
    });
  }

  /** A posting was written (not a replay of an earlier request). */
  postingWritten(type: PostingType): void {
    this.postings.inc({ type });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  private mysqlPool(): Mysql2Pool | undefined {
    if (!this.dataSource.isInitialized) {
      return undefined;
    }
    return (this.dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
  }
}
