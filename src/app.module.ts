import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { PrefixedRedisThrottlerStorage } from './common/http/rate-limit-storage';
import { RateLimit, RateLimiter } from './common/http/rate-limiter';
import { ApiThrottlerGuard } from './common/http/throttler.guard';
import { loggerParams } from './common/logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { AdminModule } from './modules/admin/admin.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { PosModule } from './modules/pos/pos.module';
import { QueueDashboardModule } from './modules/queue-dashboard/queue-dashboard.module';
import { QueueModule } from './queue/queue.module';
import { REDIS, RedisModule } from './queue/redis.module';

/** Shared by the API and the worker: config, logging, database, Redis, queues. */
export const coreImports = [
  ConfigModule,
  LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
  TypeOrmModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => dataSourceOptions(config.database) }),
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
          { name: RateLimit.Pos, ttl: 60_000, limit: config.rateLimit.posPerMinute },
          { name: RateLimit.PosUnauthenticated, ttl: 60_000, limit: config.rateLimit.posUnauthenticatedPerMinute },
          { name: RateLimit.Admin, ttl: 60_000, limit: config.rateLimit.adminPerMinute },
          { name: RateLimit.Login, ttl: 60_000, limit: config.rateLimit.loginPerMinute },
        ],
        storage: new PrefixedRedisThrottlerStorage(redis, config.queuePrefix),
      }),
    }),
    HealthModule,
    MetricsModule,
    PosModule,
    AdminModule,
    QueueDashboardModule,
  ],
  providers: [
    RateLimiter,
    { provide: APP_GUARD, useClass: ApiThrottlerGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
