import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { Application, RequestHandler } from 'express';
import { RateLimiter } from '../../common/http/rate-limiter';
import { ALL_QUEUES } from '../../queue/queue.constants';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { dashboardAuth } from './dashboard-auth.middleware';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** bull-board at /admin/queues: every BullMQ queue, its jobs, retries; admins only. */
@Module({ imports: [AuthModule], providers: [RateLimiter] })
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
  ) {}

  onModuleInit(): void {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: ALL_QUEUES.map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Loyalty queues' } },
    });
    const app = this.adapterHost.httpAdapter.getInstance<Application>();
    app.use(QUEUE_DASHBOARD_PATH, dashboardAuth(this.auth, this.limiter), serverAdapter.getRouter() as RequestHandler);
  }
}
