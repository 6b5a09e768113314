import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { HttpDrain } from './common/http/http-drain';
import { PrefixedRedisThrottlerStorage } from './common/http/rate-limit-storage';
import { RateLimit, RateLimiter } from './common/http/rate-limiter';
import { ResilientThrottlerStorage } from './common/http/resilient-throttler.storage';
import { ApiThrottlerGuard } from './common/http/throttler.guard';
import { AppConfig } from './config/app-config';
import { AdminModule } from './modules/admin/admin.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { PortalModule } from './modules/portal/portal.module';
import { PosModule } from './modules/pos/pos.module';
import { QueueDashboardModule } from './modules/queue-dashboard/queue-dashboard.module';
import { WebModule } from './modules/web/web.module';
import { coreImports } from './core.module';
import { REDIS } from './queue/redis.module';

/** The HTTP API. No queue workers run in this module. */
@Module({
  imports: [
    ...coreImports('api'),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [
          { name: RateLimit.Pos, ttl: 60_000, limit: config.rateLimit.posPerMinute },
          { name: RateLimit.PosUnauthenticated, ttl: 60_000, limit: config.rateLimit.posUnauthenticatedPerMinute },
          { name: RateLimit.Admin, ttl: 60_000, limit: config.rateLimit.adminPerMinute },
          { name: RateLimit.Login, ttl: 60_000, limit: config.rateLimit.loginPerMinute },
          { name: RateLimit.PortalAuth, ttl: 60_000, limit: config.portal.authPerMinute },
          { name: RateLimit.Portal, ttl: 60_000, limit: config.portal.perMinute },
          { name: RateLimit.PortalCodePerPhone, ttl: 3_600_000, limit: config.portal.codesPerPhonePerHour },
        ],
        // Redis down or slow: limits are counted in this process instead (policy in resilient-throttler.storage.ts).
        storage: new ResilientThrottlerStorage(
          new PrefixedRedisThrottlerStorage(redis, config.queuePrefix),
          config.rateLimitRedisTimeoutMs,
        ),
      }),
    }),
    HealthModule,
    MetricsModule,
    PosModule,
    AdminModule,
    PortalModule,
    QueueDashboardModule,
    WebModule,
  ],
  providers: [
    HttpDrain,
    RateLimiter,
    { provide: APP_GUARD, useClass: ApiThrottlerGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
