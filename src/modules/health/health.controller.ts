import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import Redis from 'ioredis';
import { REDIS } from '../../queue/redis.module';
import { HealthBodyErrors } from './health.openapi';

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The process is up and serving HTTP; no dependency is checked (a liveness probe must not restart us for a database outage). */
  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process is up and serving HTTP',
    description:
      'Checks no dependency, so a database or Redis outage does not make an orchestrator restart the API. No credentials needed; not rate-limited.',
  })
  @ApiOkResponse({
    description: 'The process is up.',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  @HealthBodyErrors()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when MySQL and Redis both answer within 2 s each, 503 otherwise. GET /health is the same check. */
  @Get(['ready', ''])
  @ApiOperation({
    summary: 'Readiness: MySQL and Redis both answer',
    description:
      'Pings MySQL and Redis, each within 2 s: 200 when both answer, 503 with the failing check named otherwise, so a load balancer takes the instance out of rotation. GET /health is the same check. No credentials needed; not rate-limited.',
  })
  @HealthCheck()
  @HealthBodyErrors()
  async ready(@Res({ passthrough: true }) res: Response) {
    try {
      return await this.checkDependencies();
    } catch (err) {
      // Terminus reports "down" as a 503 exception; answered here so the global error filter keeps the check details.
      if (err instanceof ServiceUnavailableException) {
        res.status(503);
        return err.getResponse();
      }
      throw err;
    }
  }

  private checkDependencies() {
    return this.health.check([
      () => this.db.pingCheck('mysql', { timeout: 2000 }),
      async () => {
        const indicator = this.indicators.check('redis');
        let timer: NodeJS.Timeout | undefined;
        try {
          const pong = await Promise.race([
            this.redis.ping(),
            new Promise<string>((_, reject) => {
              timer = setTimeout(() => reject(new Error('timeout after 2000 ms')), 2000);
            }),
          ]);
          return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
        } catch (err) {
          return indicator.down({ message: (err as Error).message });
        } finally {
          clearTimeout(timer);
        }
      },
    ]);
  }
}
