import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { ALL_QUEUES } from './queue.constants';
import { QueueShutdown } from './queue-shutdown';

export function redisConnection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * BullMQ wiring. The prefix is a Redis hash tag ({loyalty}) so every key of
 * every queue lands in one slot on Redis Cluster. Finished jobs are capped.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: {
          ...redisConnection(config.redisUrl),
          // Workers need commands to wait through a Redis restart (BullMQ requires null); bounded connect and backoff.
          maxRetriesPerRequest: null,
          connectTimeout: config.redisTimeouts.connectMs,
          retryStrategy: (times: number) => Math.min(times * 500, 5000),
        },
        prefix: config.queuePrefix,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 5000 },
          removeOnComplete: { count: 1000, age: 7 * 24 * 3600 },
          removeOnFail: { count: 5000, age: 30 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
    DiscoveryModule,
  ],
  providers: [QueueShutdown],
  exports: [BullModule],
})
export class QueueModule {}
