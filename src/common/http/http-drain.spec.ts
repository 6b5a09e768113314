import { Logger } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../config/app-config';
import { HttpDrain } from './http-drain';

/** The drain on a real HTTP server (no Nest, no database): requests in flight finish, and the wait has a deadline. */
describe('HttpDrain', () => {
  let server: Server;

  beforeAll(() => Logger.overrideLogger(false));

  async function listen(handler: RequestListener): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  function drainOf(shutdownTimeoutMs: number): HttpDrain {
    const host = { httpAdapter: { getHttpServer: () => server } } as unknown as HttpAdapterHost;
    return new HttpDrain(host, { shutdownTimeoutMs } as AppConfig);
  }

  afterEach(() => {
    server.closeAllConnections();
    server.close();
  });

  it('waits for a request in flight to be answered, then the server takes no more', async () => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const base = await listen((_req, res) => {
      received();
      setTimeout(() => res.end('done'), 200);
    });
    const inFlight = fetch(base).then(async (r) => r.text());
    await arrived;
    const started = Date.now();
    await drainOf(8000).onModuleDestroy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    await expect(inFlight).resolves.toBe('done');
    expect(server.listening).toBe(false);
    await expect(fetch(base)).rejects.toThrow();
  });

  it('stops waiting at half of SHUTDOWN_TIMEOUT_MS: a request that never ends loses its connection', async () => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const base = await listen(() => received());
    const hanging = fetch(base).then(
      () => 'answered',
      () => 'connection closed',
    );
    await arrived;
    const started = Date.now();
    await drainOf(600).onModuleDestroy();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(280);
    expect(took).toBeLessThan(2000);
    await expect(hanging).resolves.toBe('connection closed');
  });

  it('does nothing for an app that never listened (the tests, a worker)', async () => {
    server = createServer();
    await expect(drainOf(8000).onModuleDestroy()).resolves.toBeUndefined();
  });
});
