import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { isDependencyUnavailable } from '../src/common/errors/infra-errors';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { inTransaction } from '../src/database/transaction';
import { newId } from '../src/common/ids';
import { Store } from '../src/modules/stores/entities/store.entity';
import {
  createMember,
  createStore,
  ledgerInvariants,
  pos,
  purchaseBody,
  TestMember,
  TestStore,
  uniq,
  writeCounts,
} from './support/factories';
import { TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';
import { freePort } from './support/built-server';

/**
 * MySQL and Redis going away, faked by TCP proxies in front of the real
 * servers (the servers themselves are never touched). The app under test
 * reaches both only through the proxies; the assertions read the database
 * directly.
 */
const BOUND_MS = 5000;

async function timed<T>(fn: () => PromiseLike<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

const unavailableBody = {
  statusCode: 503,
  code: 'SERVICE_UNAVAILABLE',
  message: expect.stringMatching(/same number/),
  details: [],
};

describe('MySQL and Redis outages', () => {
  const config = loadConfig();
  const mysqlProxy = new TcpProxy(config.database.host, config.database.port);
  const redisUrl = new URL(config.redisUrl);
  const redisProxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
  let t: TestApp;
  let direct: DataSource;
  let store: TestStore;
  let member: TestMember;

  beforeAll(async () => {
    const mysqlPort = await mysqlProxy.start();
    const redisPort = await redisProxy.start();
    const dbUrl = new URL(process.env.DATABASE_URL as string);
    dbUrl.host = `127.0.0.1:${mysqlPort}`;
    const proxiedRedis = new URL(config.redisUrl);
    proxiedRedis.host = `127.0.0.1:${redisPort}`;
    t = await startTestApp({ DATABASE_URL: dbUrl.toString(), REDIS_URL: proxiedRedis.toString(), DATABASE_POOL_SIZE: '5' });
    direct = await new DataSource(dataSourceOptions({ ...config.database, poolSize: 2 })).initialize();
    store = await createStore(t);
    member = await createMember(t);
  });

  afterEach(async () => {
    await mysqlProxy.setMode('pass');
    await redisProxy.setMode('pass');
  });

  afterAll(async () => {
    await mysqlProxy.setMode('pass');
    await redisProxy.setMode('pass');
    await t?.close();
    await direct?.destroy();
    await mysqlProxy.close();
    await redisProxy.close();
  });

  /** Resending the receipt after the outage: exactly one 201, then a 200 replay of the same body; the ledger adds up. */
  async function expectLandsExactlyOnce(body: { receiptNo: string }) {
    const first = await pos(t, store).purchase(body);
    expect(first.status).toBe(201);
    const replay = await pos(t, store).purchase(body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const [row] = await direct.query('SELECT COUNT(*) AS n FROM purchases WHERE store_id = ? AND receipt_no = ?', [
      store.storeId,
      body.receiptNo,
    ]);
    expect(Number(row.n)).toBe(1);
    const inv = await ledgerInvariants(direct, member.memberId);
    expect(inv.balance).toBe(inv.entrySum);
  }

  for (const mode of ['refuse', 'freeze'] as const) {
    it(`with MySQL ${mode === 'refuse' ? 'refusing connections' : 'silent'} a POS purchase answers 503 SERVICE_UNAVAILABLE within 5 s and writes nothing; back up, the same receipt lands exactly once without a restart`, async () => {
      const body = purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 2590 }]);
      const before = await writeCounts(direct);
      await mysqlProxy.setMode(mode);

      const { value: res, ms } = await timed(() => pos(t, store).purchase(body));

      expect(res.status).toBe(503);
      expect(res.body).toEqual(unavailableBody);
      expect(ms).toBeLessThan(BOUND_MS);
      expect(await writeCounts(direct)).toEqual(before);

      await mysqlProxy.setMode('pass');
      await expectLandsExactlyOnce(body);
      // No dead connection was left in the pool: more requests at once than the pool has connections all succeed.
      const lookups = await Promise.all(Array.from({ length: 8 }, () => pos(t, store).lookup({ cardNo: member.cardNo })));
      expect(lookups.map((r) => r.status)).toEqual(Array(8).fill(200));
    });
  }

  it('with MySQL silent, /health answers 503 within 5 s', async () => {
    await mysqlProxy.setMode('freeze');
    const { value: res, ms } = await timed(() => t.http.get('/health'));
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('with MySQL refusing connections an offline batch answers 503 SERVICE_UNAVAILABLE at once instead of failing item by item', async () => {
    const items = [1, 2, 3].map(() => purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 1000 }]));
    const before = await writeCounts(direct);
    await mysqlProxy.setMode('refuse');
    const { value: res, ms } = await timed(() => pos(t, store).batch({ transactions: items }));
    expect(res.status).toBe(503);
    expect(res.body).toEqual(unavailableBody);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(await writeCounts(direct)).toEqual(before);
  });

  it('a transaction whose connection goes silent half-way fails as unavailable and is rolled back, never committed later', async () => {
    const code = uniq('TX').slice(0, 32);
    let failure: unknown = null;
    let connection: { stream?: { destroyed?: boolean } } | undefined;
    await inTransaction(t.db, async (m) => {
      connection = (m.queryRunner as unknown as { databaseConnection?: typeof connection }).databaseConnection;
      await m.insert(Store, { id: newId(), code, name: 'half-written', status: 'active', createdAt: new Date() });
      await mysqlProxy.setMode('freeze');
      await m.query('SELECT 1');
    }).catch((err: unknown) => {
      failure = err;
    });
    expect(isDependencyUnavailable(failure)).toBe(true);
    // The stuck connection was dropped at once, not handed back to the pool (where COMMIT could still follow).
    expect(connection?.stream?.destroyed).toBe(true);

    // The held bytes now reach the server, then the closed client's hang-up: the insert must not survive it.
    await mysqlProxy.setMode('pass');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [row] = await direct.query('SELECT COUNT(*) AS n FROM stores WHERE code = ?', [code]);
    expect(Number(row.n)).toBe(0);
  });

  // Silent first: the limiter must be on Redis (not still in its fallback after the refuse case) when Redis freezes.
  for (const mode of ['freeze', 'refuse'] as const) {
    it(`with Redis ${mode === 'refuse' ? 'refusing connections' : 'silent'} POS purchases still succeed within 5 s (rate limits counted in the process) and replay once it is back`, async () => {
      const body = purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 4200 }]);
      await redisProxy.setMode(mode);

      const { value: res, ms } = await timed(() => pos(t, store).purchase(body));
      expect(res.status).toBe(201);
      expect(ms).toBeLessThan(BOUND_MS);
      const { value: lookup, ms: lookupMs } = await timed(() => pos(t, store).lookup({ cardNo: member.cardNo }));
      expect(lookup.status).toBe(200);
      expect(lookupMs).toBeLessThan(BOUND_MS);
      const { value: health, ms: healthMs } = await timed(() => t.http.get('/health'));
      expect(health.status).toBe(503);
      expect(healthMs).toBeLessThan(BOUND_MS);

      await redisProxy.setMode('pass');
      const replay = await pos(t, store).purchase(body);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(res.body);
      const inv = await ledgerInvariants(direct, member.memberId);
      expect(inv.balance).toBe(inv.entrySum);
    });
  }

  it('while Redis refuses connections, the queues reconnect without printing a stack on stderr for every attempt', async () => {
    // BullMQ 6 emits each connection error of a queue as its 'error' event; with no listener it prints it raw.
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await redisProxy.setMode('refuse');
      await new Promise((resolve) => setTimeout(resolve, 2500)); // several reconnect attempts (500 ms, 1 s, ...)
      await redisProxy.setMode('pass');
      const res = await pos(t, store).purchase(purchaseBody({ cardNo: member.cardNo }, [{ amountCents: 100 }]));
      expect(res.status).toBe(201);
      expect(printed.mock.calls.map((args) => String(args[0]))).toEqual([]);
    } finally {
      printed.mockRestore();
    }
  });
});

/** Newest modification time under a directory (to tell whether dist/ is older than the sources). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

describe('graceful shutdown of the built API', () => {
  const root = join(__dirname, '..');
  const config = loadConfig();
  const mysqlProxy = new TcpProxy(config.database.host, config.database.port);
  const redisUrl = new URL(config.redisUrl);
  const redisProxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
  let child: ChildProcess | null = null;
  let output = '';

  beforeAll(async () => {
    const main = join(root, 'dist', 'src', 'main.js');
    if (!existsSync(main) || statSync(main).mtimeMs < newestMtime(join(root, 'src'))) {
      execFileSync(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], {
        cwd: root,
        stdio: 'ignore',
      });
    }
    await mysqlProxy.start();
    await redisProxy.start();
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    await mysqlProxy.close();
    await redisProxy.close();
  });

  it('on SIGTERM with Redis and MySQL silent, answers the request in flight and exits within 10 s', async () => {
    const port = await freePort();
    const dbUrl = new URL(process.env.DATABASE_URL as string);
    dbUrl.host = `127.0.0.1:${mysqlProxy.port}`;
    const proxiedRedis = new URL(config.redisUrl);
    proxiedRedis.host = `127.0.0.1:${redisProxy.port}`;
    child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: dbUrl.toString(),
        REDIS_URL: proxiedRedis.toString(),
        RUN_MIGRATIONS: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child?.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );

    const base = `http://127.0.0.1:${port}`;
    const upBy = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(`${base}/health`).catch(() => null);
      if (res?.status === 200) {
        break;
      }
      if (Date.now() > upBy || child.exitCode !== null) {
        throw new Error(`the API did not come up:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    await redisProxy.setMode('freeze');
    await mysqlProxy.setMode('freeze');
    // A request that needs the (silent) database is in flight when SIGTERM arrives.
    const inFlight = fetch(`${base}/api/v1/pos/members/lookup?cardNo=1`, { headers: { Authorization: 'Bearer some-key' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    child.kill('SIGTERM');

    const answer = await inFlight;
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual(unavailableBody);
    const { at } = await exited;
    expect(at - signalledAt).toBeLessThan(10_000);
  }, 60_000);
});
