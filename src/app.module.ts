import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { HttpDrain } from './common/http/http-drain';
import { PrefixedRedisCounters } from './common/http/rate-limit-storage';
import { RateLimit, RateLimiter } from './common/http/rate-limiter';
import { SyncedThrottlerStorage } from './common/http/synced-throttler.storage';
import { ApiThrottlerGuard } from './common/http/throttler.guard';
import { AppConfig } from './config/app-config';
import { AdminModule } from './modules/admin/admin.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { PortalModule } from './modules/portal/portal.module';
import { PosModule } from './modules/pos/pos.module';
import { QueueDashboardModule } from './modules/queue-dashboard/queue-dashboard.module';
import { TierPortsModule } from './modules/tiers/tier-ports.module';
import { CouponPortsModule } from './modules/rewards/rewards.module';
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
          { name: RateLimit.PosCouponLookup, ttl: 60_000, limit: config.rateLimit.posCouponLookupsPerMinute },
          { name: RateLimit.PosUnauthenticated, ttl: 60_000, limit: config.rateLimit.posUnauthenticatedPerMinute },
          { name: RateLimit.Admin, ttl: 60_000, limit: config.rateLimit.adminPerMinute },
          { name: RateLimit.Login, ttl: 60_000, limit: config.rateLimit.loginPerMinute },
          { name: RateLimit.PortalAuth, ttl: 60_000, limit: config.portal.authPerMinute },
          { name: RateLimit.Portal, ttl: 60_000, limit: config.portal.perMinute },
          { name: RateLimit.PortalCodePerPhone, ttl: 3_600_000, limit: config.portal.codesPerPhonePerHour },
        ],
        // Counted in the process, shared through Redis every 250 ms; Redis down or slow: counted in the process
        // alone (tolerance and policy in synced-throttler.storage.ts).
        storage: new SyncedThrottlerStorage(new PrefixedRedisCounters(redis, config.queuePrefix), config.rateLimitRedisTimeoutMs),
      }),
    }),
    TierPortsModule,
    CouponPortsModule,
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
