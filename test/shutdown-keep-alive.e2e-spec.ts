import { ChildProcess, spawn } from 'node:child_process';
import { connect, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createMember, createStore, purchaseBody, TestMember, TestStore } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWorkerBuilt } from './support/worker-process';
import { freePort } from './support/built-server';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A keep-alive HTTP/1.1 connection driven byte by byte, so a test decides exactly when each part of a request arrives. */
class RawConnection {
  private buffer = '';
  private waiting: (() => void) | null = null;
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string): void {
    this.socket.write(text);
  }

  /** The next whole response on the connection. */
  async response(): Promise<RawResponse> {
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const [statusLine, ...lines] = this.buffer.slice(0, end).split('\r\n');
        const headers = Object.fromEntries(
          lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]),
        );
        const length = Number(headers['content-length'] ?? 0);
        if (this.buffer.length >= end + 4 + length) {
          const body = this.buffer.slice(end + 4, end + 4 + length);
          this.buffer = this.buffer.slice(end + 4 + length);
          return { status: Number(statusLine.split(' ')[1]), headers, body };
        }
      }
      if (this.closed) {
        throw new Error(`connection closed before a whole response: ${JSON.stringify(this.buffer)}`);
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = null;
    }
  }

  async untilClosed(): Promise<void> {
    while (!this.closed) {
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = null;
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** A purchase request's head and body, split where the test wants to pause. */
function purchaseRequest(store: TestStore, member: TestMember): { head: string; body: string; receiptNo: string } {
  const purchase = purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 5_000 }]);
  const body = JSON.stringify(purchase);
  const head = [
    'POST /api/v1/pos/transactions HTTP/1.1',
    'Host: 127.0.0.1',
    'Connection: keep-alive',
    'Content-Type: application/json',
    `Authorization: Bearer ${store.key}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    '',
  ].join('\r\n');
  return { head, body, receiptNo: purchase.receiptNo };
}

/**
 * What SIGTERM runs (app.close(), the HTTP drain first) on an API whose tills keep their connections open and busy:
 * from the moment the drain starts the API takes no new request.
 */
describe('graceful stop with keep-alive tills', () => {
  let t: TestApp;
  let store: TestStore;
  let member: TestMember;
  let port: number;
  const connections: RawConnection[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    store = await createStore(t);
    member = await createMember(t);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(() => {
    connections.forEach((c) => c.destroy());
  });

  const purchaseCount = async (receiptNo: string) =>
    Number(
      (await t.db.query('SELECT COUNT(*) AS n FROM purchases WHERE store_id = ? AND receipt_no = ?', [store.storeId, receiptNo]))[0].n,
    );

  it('once the drain starts, a purchase in flight is answered with Connection: close, and one arriving on an open connection gets 503 SERVICE_UNAVAILABLE, unposted', async () => {
    // Till 1: a purchase answered on a keep-alive connection, then the next one in flight (its body not all sent yet).
    const till1 = await RawConnection.open(port);
    connections.push(till1);
    const first = purchaseRequest(store, member);
    till1.write(first.head + first.body);
    const firstAnswer = await till1.response();
    expect(firstAnswer.status).toBe(201);
    expect(firstAnswer.headers.connection).not.toBe('close');
    const inFlight = purchaseRequest(store, member);
    till1.write(inFlight.head + inFlight.body.slice(0, 10));

    // Till 2: its connection is open and busy (a request has begun arriving) when the drain starts.
    const till2 = await RawConnection.open(port);
    connections.push(till2);
    till2.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect((await till2.response()).status).toBe(200);
    const late = purchaseRequest(store, member);
    till2.write(late.head.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));

    // SIGTERM: the drain begins (the server stops listening at once).
    const server = t.app.getHttpServer();
    const stopping = t.close();
    while (server.listening) {
      await new Promise((resolve) => setImmediate(resolve));
    }

    till2.write(late.head.slice(20) + late.body);
    const refused = await till2.response();
    expect(refused.status).toBe(503);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    await till2.untilClosed();

    till1.write(inFlight.body.slice(10));
    const answered = await till1.response();
    expect(answered.status).toBe(201);
    expect(answered.headers.connection).toBe('close');
    await till1.untilClosed();

    await stopping;
    // The database is closed with the app: count through a fresh app on the same database.
    t = await startTestApp();
    try {
      expect(await purchaseCount(first.receiptNo)).toBe(1);
      expect(await purchaseCount(inFlight.receiptNo)).toBe(1);
      expect(await purchaseCount(late.receiptNo)).toBe(0);
    } finally {
      await t.close();
    }
  });
});

/** Whether a new connection to the port is refused (the server has stopped listening). */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('SIGTERM to the API process with a keep-alive till', () => {
  let child: ChildProcess | null = null;
  let output = '';

  beforeAll(() => {
    ensureWorkerBuilt();
  });

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  });

  it('a purchase sent on a keep-alive connection after SIGTERM is answered 503 SERVICE_UNAVAILABLE with Connection: close and not posted', async () => {
    const t = await startTestApp();
    let store: TestStore;
    let member: TestMember;
    try {
      store = await createStore(t);
      member = await createMember(t);
    } finally {
      await t.close();
    }
    const port = await freePort();
    child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'main.js')], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, PORT: String(port), RUN_MIGRATIONS: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    const upBy = Date.now() + 30_000;
    while ((await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null))?.status !== 200) {
      if (Date.now() > upBy || child.exitCode !== null) {
        throw new Error(`the API did not come up:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // The till's connection: one purchase answered (kept alive), the next one begun when SIGTERM arrives.
    const till = await RawConnection.open(port);
    const first = purchaseRequest(store, member);
    till.write(first.head + first.body);
    const firstAnswer = await till.response();
    expect(firstAnswer.status).toBe(201);
    expect(firstAnswer.headers.connection).not.toBe('close');
    const late = purchaseRequest(store, member);
    till.write(late.head.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));

    child.kill('SIGTERM');
    const drainBy = Date.now() + 5_000;
    while (!(await refusesConnections(port))) {
      expect(Date.now()).toBeLessThan(drainBy);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    till.write(late.head.slice(20) + late.body);
    const refused = await till.response();
    expect(refused.status).toBe(503);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await till.untilClosed();
    await exited;

    const check = await startTestApp();
    try {
      const count = async (receiptNo: string) =>
        Number(
          (await check.db.query('SELECT COUNT(*) AS n FROM purchases WHERE store_id = ? AND receipt_no = ?', [store.storeId, receiptNo]))[0]
            .n,
        );
      expect(await count(first.receiptNo)).toBe(1);
      expect(await count(late.receiptNo)).toBe(0);
    } finally {
      await check.close();
    }
  }, 120_000);
});
