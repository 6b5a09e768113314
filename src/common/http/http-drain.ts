import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * The first step of a graceful stop (SIGTERM): stop taking requests and let the ones in flight finish, before anything
 * they need goes away. Nest closes the HTTP server only after every module's shutdown hooks, so a till's purchase that
 * arrived during them would meet a closed posting queue, and its events a closed BullMQ queue.
 *
 * This runs in the root module's onModuleDestroy, which Nest calls before any other module's. Idle keep-alive
 * connections are closed as they become idle, so tills that keep their connection open do not hold the stop.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  private readonly logger = new Logger(HttpDrain.name);

  constructor(private readonly host: HttpAdapterHost) {}

  async onModuleDestroy(): Promise<void> {
    const server = this.host.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) {
      return;
    }
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearInterval(idle);
        resolve();
      });
    });
    this.logger.log({ ms: Date.now() - started }, 'HTTP server drained: no request in flight');
  }
}
