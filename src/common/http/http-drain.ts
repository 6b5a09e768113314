import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppConfig } from '../../config/app-config';
import { ErrorCode, httpStatusFor } from '../errors/error-code';

/** What a request that arrives once the drain has begun is answered (POS-API.md: 503 is resent with the same number). */
const DRAINING_ANSWER = JSON.stringify({
  statusCode: httpStatusFor(ErrorCode.SERVICE_UNAVAILABLE),
  code: ErrorCode.SERVICE_UNAVAILABLE,
  message: 'This server is stopping and did not process the request. Send it again (the same receipt number posts it once).',
  details: [],
});

/**
 * The first step of a graceful stop (SIGTERM): stop taking requests and let the ones in flight finish, before anything
 * they need goes away. Nest closes the HTTP server only after every module's shutdown hooks, so a till's purchase that
 * arrived during them would meet a closed posting queue, and its events a closed BullMQ queue.
 *
 * This runs in the root module's onModuleDestroy, which Nest calls before any other module's. From that moment no
 * request is taken: the answers of those in flight carry `Connection: close` (a keep-alive till opens a new
 * connection for its next request, which the closed server refuses), and a request that still arrives on an open
 * connection is answered 503 SERVICE_UNAVAILABLE with `Connection: close`, unprocessed. Idle keep-alive connections
 * are closed as they become idle, so tills that keep their connection open do not hold the stop, and the wait has a
 * deadline.
 */
@Injectable()
export class HttpDrain implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HttpDrain.name);
  /** Answers not yet finished: the requests in flight. */
  private readonly inFlight = new Set<ServerResponse>();

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.server()?.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.inFlight.add(res);
      res.once('close', () => this.inFlight.delete(res));
    });
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server();
    if (!server?.listening) {
      return;
    }
    const started = Date.now();
    this.takeNoMoreRequests(server);
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

  private server(): Server | undefined {
    return this.host.httpAdapter?.getHttpServer() as Server | undefined;
  }

  /** The app no longer sees new requests (they get the 503); answers in flight close their connection. */
  private takeNoMoreRequests(server: Server): void {
    server.removeAllListeners('request');
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(httpStatusFor(ErrorCode.SERVICE_UNAVAILABLE), {
        Connection: 'close',
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': '1',
        'Content-Length': Buffer.byteLength(DRAINING_ANSWER),
      });
      res.end(DRAINING_ANSWER);
    });
    for (const res of this.inFlight) {
      if (!res.headersSent) {
        res.setHeader('Connection', 'close');
      }
    }
  }
}
