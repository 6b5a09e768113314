import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { ResilientThrottlerStorage } from './common/http/resilient-throttler.storage';
import { ApiThrottlerGuard } from './common/http/throttler.guard';
import { loggerParams } from './common/logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { DatabaseDeadlinesModule } from './database/database-deadlines.module';
import { AdminModule } from './modules/admin/admin.module';
import { HealthModule } from './modules/health/health.module';
import { PosModule } from './modules/pos/pos.module';
import { QueueModule } from './queue/queue.module';
import { REDIS, RedisModule } from './queue/redis.module';

/** Shared by the API and the worker: config, logging, database, Redis, queues. */
export const coreImports = [
  ConfigModule,
  LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
  TypeOrmModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => dataSourceOptions(config.database) }),
  DatabaseDeadlinesModule,
  RedisModule,
  QueueModule,
];

/** The HTTP API. No queue workers run in this module. */
@Module({
  imports: [
    ...coreImports,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [
          { name: 'pos', ttl: 60_000, limit: config.rateLimit.posPerMinute },
          { name: 'admin', ttl: 60_000, limit: config.rateLimit.adminPerMinute },
        ],
        // Redis down or slow: limits are counted in this process instead (policy in resilient-throttler.storage.ts).
        storage: new ResilientThrottlerStorage(new ThrottlerStorageRedisService(redis), config.rateLimitRedisTimeoutMs),
      }),
    }),
    HealthModule,
    PosModule,
    AdminModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: ApiThrottlerGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
