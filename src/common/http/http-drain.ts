import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { AppConfig } from '../../config/app-config';

/**
 * The first step of a graceful stop (SIGTERM): stop taking requests and let the ones in flight finish, before anything
 * they need goes away. Nest closes the HTTP server only after every module's shutdown hooks, so a till's purchase that
 * arrived during them would meet a closed posting queue, and its events a closed BullMQ queue.
 *
 * This runs in the root module's onModuleDestroy, which Nest calls before any other module's. Idle keep-alive
 * connections are closed as they become idle, so tills that keep their connection open do not hold the stop, and the
 * wait has a deadline.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  private readonly logger = new Logger(HttpDrain.name);

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    const server = this.host.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) {
      return;
    }
    const started = Date.now();
    // Half of SHUTDOWN_TIMEOUT_MS: longer than a request's own database deadlines (so a request in flight gets its
    // answer, a 503 if the database is silent), and the posting queue, the forwarders and the queues get the rest
    // before the watchdog ends the process. A request still running then loses its connection; a till resends it
    // with the same receipt number, which posts it once.
    const deadlineMs = Math.floor(this.config.shutdownTimeoutMs / 2);
    const drained = await new Promise<boolean>((resolve) => {
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => {
        clearInterval(idle);
        server.closeAllConnections();
        resolve(false);
      }, deadlineMs);
      server.close(() => {
        clearInterval(idle);
        clearTimeout(deadline);
        resolve(true);
      });
    });
    if (drained) {
      this.logger.log({ ms: Date.now() - started }, 'HTTP server drained: no request in flight');
    } else {
      this.logger.warn({ ms: deadlineMs }, 'HTTP requests still running at the drain deadline: their connections were closed');
    }
  }
}
