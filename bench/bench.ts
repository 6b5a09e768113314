import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import mysql, { Pool, RowDataPacket } from 'mysql2/promise';
import { newId } from '../src/common/ids';
import { DatabaseConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { generateCardNo } from '../src/modules/cards/card-number';
import { rawLookup, rawPurchase } from './raw-purchase';
import { deleteKeysUnder } from '../src/queue/delete-keys-under';
import {
  fmt,
  freePort,
  httpRequest,
  LoadResult,
  Outcome,
  processTree,
  randomInt,
  round,
  runLoad,
  sleep,
  treeCpuSeconds,
  treeRssMb,
} from './lib';

/*
 * POS accrual benchmark (DESIGN.md, "Performance targets").
 *
 *   npm run bench                      100k members, 64 terminals, 20 s per phase
 *   node dist/bench/bench.js --quick   10k members, 5 s per phase (smoke run)
 *
 * Env: BENCH_MEMBERS, BENCH_TERMINALS, BENCH_SECONDS, BENCH_WARMUP_SECONDS,
 * BENCH_LOOKUP_LOOPS, BENCH_LOOKUP_PAUSE_MS, BENCH_API_POOL_SIZE,
 * BENCH_MYSQL_URL (server, no database), BENCH_REDIS_URL, BENCH_API_NODE_ARGS (default: the
 * production start's --max-old-space-size=384 --max-semi-space-size=16)
 * (extra node flags for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 *
 * 1. a fresh database loyalty_bench_<random>, migrated, seeded with members
 *    through raw multi-row INSERTs;
 * 2. the API (dist/src/main.js) as a child process; 64 terminals post
 *    purchases over HTTP, alone, then again while a few loops look balances up;
 * 3. the same writes straight through mysql2, one transaction per purchase,
 *    64 connections: the floor the API is compared with; again with the lookup
 *    loops reading the lookup's statement beside them, so each side of every
 *    ratio does the same work; then a bare node:http server doing the writes;
 * 4. the ledger check, then the database and the Redis keys are dropped.
 *
 * Targets are printed beside the figures; only errors (failed requests above
 * 0.1%, a broken ledger, an API that does not start) make the exit code non-zero.
 */

const ROOT = join(__dirname, '..', '..');
const API_ENTRY = join(ROOT, 'dist', 'src', 'main.js');
const API_STORES = 4;
const SEED_BATCH = 2000;
const MAX_ERROR_RATE = 0.001;
/** The flags `npm run start:api` and the Docker image start the API with; BENCH_API_NODE_ARGS replaces them. */
const API_NODE_ARGS = '--max-old-space-size=384 --max-semi-space-size=16';
const BENCH_ADMIN_EMAIL = 'bench-admin@example.com';
const BENCH_ADMIN_PASSWORD = `bench-${randomBytes(12).toString('hex')}`;

const TARGET_P99_MS = 50;
const TARGET_LOOKUP_P99_MS = 10;
const TARGET_RSS_MB = 300;

interface Settings {
  members: number;
  terminals: number;
  seconds: number;
  warmupSeconds: number;
  lookupLoops: number;
  lookupPauseMs: number;
  apiPoolSize: number;
  mysqlUrl: URL;
  redisUrl: string;
}

function settings(): Settings {
  const quick = process.argv.includes('--quick');
  const int = (name: string, dflt: number, min = 0): number => {
    const raw = process.env[name];
    if (raw === undefined || raw === '') {
      return dflt;
    }
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min) {
      throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
    }
    return v;
  };
  return {
    members: int('BENCH_MEMBERS', quick ? 10_000 : 100_000, 1),
    terminals: int('BENCH_TERMINALS', 64, 1),
    seconds: int('BENCH_SECONDS', quick ? 5 : 20, 1),
    warmupSeconds: int('BENCH_WARMUP_SECONDS', 2),
    lookupLoops: int('BENCH_LOOKUP_LOOPS', 8),
    lookupPauseMs: int('BENCH_LOOKUP_PAUSE_MS', 0),
    apiPoolSize: int('BENCH_API_POOL_SIZE', 32, 1),
    mysqlUrl: new URL(process.env.BENCH_MYSQL_URL || 'mysql://root:@127.0.0.1:3306'),
    redisUrl: process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

/** Everything that must be undone, whatever happens. */
interface Resources {
  dbName: string;
  queuePrefix: string;
  s: Settings;
  pool?: Pool;
  api?: ChildProcess;
  rssTimer?: NodeJS.Timeout;
}

interface Seeded {
  memberIds: string[];
  cardNos: string[];
}

function log(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

function serverOptions(s: Settings): { host: string; port: number; socketPath?: string; user: string; password: string } {
  return {
    host: s.mysqlUrl.hostname,
    port: s.mysqlUrl.port ? Number(s.mysqlUrl.port) : 3306,
    socketPath: s.mysqlUrl.searchParams.get('socket') || undefined,
    user: decodeURIComponent(s.mysqlUrl.username),
    password: decodeURIComponent(s.mysqlUrl.password),
  };
}

// Seeding

/** Members as the API creates them (member, active card, empty account, enrolment tier row), 2000 rows a statement. */
async function seedMembers(pool: Pool, n: number): Promise<Seeded> {
  const memberIds: string[] = [];
  const cardNos: string[] = [];
  const seen = new Set<string>();
  const now = new Date();
  for (let from = 0; from < n; from += SEED_BATCH) {
    const size = Math.min(SEED_BATCH, n - from);
    const members: unknown[][] = [];
    const cards: unknown[][] = [];
    const accounts: unknown[][] = [];
    const history: unknown[][] = [];
    for (let i = 0; i < size; i++) {
      const id = newId();
      let cardNo = generateCardNo();
      while (seen.has(cardNo)) {
        cardNo = generateCardNo();
      }
      seen.add(cardNo);
      memberIds.push(id);
      cardNos.push(cardNo);
      members.push([id, 'active', `Bench ${from + i}`, 'STANDARD', now, now, now, now]);
      cards.push([cardNo, id, 'active', 'standard', now, now]);
      accounts.push([id, 0, 0, 0, 0, now]);
      history.push([id, null, 'STANDARD', 'enrolment', null, now]);
    }
    // Four tables, four pooled connections: the batch's statements run side by side.
    await Promise.all([
      pool.query('INSERT INTO members (id, status, name, tier_code, tier_since, registered_at, created_at, updated_at) VALUES ?', [
        members,
      ]),
      pool.query('INSERT INTO cards (card_no, member_id, status, kind, issued_at, status_changed_at) VALUES ?', [cards]),
      pool.query('INSERT INTO point_accounts (member_id, balance, pending, lifetime_earned, lifetime_redeemed, updated_at) VALUES ?', [
        accounts,
      ]),
      pool.query('INSERT INTO tier_history (member_id, from_tier, to_tier, reason, ref_id, created_at) VALUES ?', [history]),
    ]);
  }
  return { memberIds, cardNos };
}

// Purchases

const CATEGORIES = ['dairy', 'bakery', 'produce', 'beverages', 'household', 'frozen'];

interface Line {
  sku: string;
  category: string;
  quantity: number;
  amountCents: number;
}

/** 1 to 3 lines of 2 to 200 yuan, none in an excluded category, so every purchase earns points. */
function randomLines(): Line[] {
  const count = 1 + randomInt(3);
  return Array.from({ length: count }, () => {
    const category = CATEGORIES[randomInt(CATEGORIES.length)];
    return {
      sku: `${category.toUpperCase()}-${randomInt(500)}`,
      category,
      quantity: 1 + randomInt(3),
      amountCents: 200 + randomInt(19_800),
    };
  });
}

// HTTP phase

interface ApiHandle {
  child: ChildProcess;
  port: number;
  /** warn/error log lines of the API (LOG_LEVEL=warn), for the report. */
  logLines: string[];
}

async function startApi(r: Resources, dbUrl: string): Promise<ApiHandle> {
  const port = await freePort();
  const logLines: string[] = [];
  // The production start's flags (package.json start:api, docker/Dockerfile): the API is measured as it runs.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? API_NODE_ARGS).split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: String(r.s.apiPoolSize),
      REDIS_URL: r.s.redisUrl,
      QUEUE_PREFIX: r.queuePrefix,
      ADMIN_EMAIL: BENCH_ADMIN_EMAIL,
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_POS_PER_MINUTE: '100000000',
      RUN_MIGRATIONS: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  r.api = child;
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() && logLines.length < 10_000) {
        logLines.push(line);
      }
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const started = Date.now();
  const deadline = started + 60_000;
  const agent = new http.Agent({ keepAlive: false });
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the API exited during start (code ${child.exitCode}, signal ${child.signalCode}):\n${logLines.slice(-20).join('\n')}`,
      );
    }
    try {
      const res = await httpRequest(agent, port, 'GET', '/health', {}, undefined, 2000);
      if (res.status === 200) {
        await allProcessesUp(child, Date.now() - started);
        return { child, port, logLines };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the API did not answer /health with 200 within 60 s:\n${logLines.slice(-20).join('\n')}`);
}

/**
 * With API_PROCESSES > 1 the port answers once the first API process listens (it applies the migrations; the primary
 * forks the others after it): wait until the primary has all its processes, then about one start-up time more, so the
 * load meets every process and the idle RSS counts them all.
 */
async function allProcessesUp(child: ChildProcess, firstStartMs: number): Promise<void> {
  const setting = process.env.API_PROCESSES || '1';
  const expected = setting === 'auto' ? availableParallelism() : Number(setting);
  if (!(expected > 1)) {
    return;
  }
  const deadline = Date.now() + 60_000;
  while (processTree(child.pid ?? 0).length < expected + 1 && Date.now() < deadline) {
    await sleep(100);
  }
  await sleep(firstStartMs + 1000);
}

/** Admin login, then API_STORES stores with one POS key each. */
async function createStores(port: number, runTag: string): Promise<Array<{ storeId: string; key: string }>> {
  const agent = new http.Agent({ keepAlive: true });
  const call = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const res = await httpRequest(agent, port, 'POST', path, token ? { authorization: `Bearer ${token}` } : {}, JSON.stringify(body));
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`POST ${path} answered ${res.status}: ${res.body}`);
    }
    return JSON.parse(res.body) as T;
  };
  const { accessToken } = await call<{ accessToken: string }>('/api/v1/admin/auth/login', {
    email: BENCH_ADMIN_EMAIL,
    password: BENCH_ADMIN_PASSWORD,
  });
  const stores: Array<{ storeId: string; key: string }> = [];
  for (let i = 0; i < API_STORES; i++) {
    const { storeId } = await call<{ storeId: string }>(
      '/api/v1/admin/stores',
      { code: `B${runTag}${i}`, name: `Bench store ${i}` },
      accessToken,
    );
    const { key } = await call<{ key: string }>(`/api/v1/admin/stores/${storeId}/api-keys`, {}, accessToken);
    stores.push({ storeId, key });
  }
  agent.destroy();
  return stores;
}

function describeFailure(res: { status: number; body: string }): string {
  let code: string;
  try {
    code = String((JSON.parse(res.body) as { code?: unknown }).code ?? '');
  } catch {
    code = res.body.slice(0, 120);
  }
  return `HTTP ${res.status} ${code}`.trim();
}

interface HttpPhase {
  purchases: LoadResult;
  lookups: LoadResult | null;
  /** RSS of the API: the sum over all its processes (with API_PROCESSES > 1, the primary and every API process). */
  maxRssMb: number;
  idleRssMb: number;
  /** Each process's RSS at the moment the sum peaked, the primary (or the single process) first. */
  maxRssEachMb: number[];
  /** Share of one core the API's processes used together over the whole phase, warm-up included. */
  apiCpuPercent: number;
  /** The API's CPU time per answered request (purchases and lookups, warm-up included): less sensitive to a busy host than the rates. */
  apiCpuMsPerRequest: number;
  /** RSS in MB about every 5 s of the phase: growth vs. plateau. */
  rssTimeline: number[];
}

/**
 * Terminals posting purchases back to back, with or without the lookup loops beside them. `tag` keeps each run's
 * stores and receipt numbers apart (a receipt number seen again would be answered as a replay).
 */
async function httpPhase(
  r: Resources,
  api: ApiHandle,
  seeded: Seeded,
  tag: string,
  touched: Set<number>,
  withLookups: boolean,
): Promise<HttpPhase> {
  const s = r.s;
  const lookupLoops = withLookups ? s.lookupLoops : 0;
  const stores = await createStores(api.port, tag);
  const agent = new http.Agent({ keepAlive: true, maxSockets: s.terminals + lookupLoops + 4 });
  const n = seeded.cardNos.length;
  const idle = treeRssMb(api.child.pid ?? 0);
  const idleRssMb = idle?.total ?? NaN;

  let maxRssMb = idleRssMb;
  let maxRssEachMb = idle?.each ?? [];
  const rssTimeline: number[] = [];
  let ticks = 0;
  r.rssTimer = setInterval(() => {
    const tree = treeRssMb(api.child.pid ?? 0);
    const mb = tree?.total ?? null;
    if (mb !== null && tree && mb > maxRssMb) {
      maxRssMb = mb;
      maxRssEachMb = tree.each;
    }
    if (mb !== null && ++ticks % 10 === 0) {
      rssTimeline.push(Math.round(mb));
    }
  }, 500);

  const purchase = async (t: number, seq: number): Promise<Outcome> => {
    const store = stores[t % stores.length];
    const m = randomInt(n);
    touched.add(m);
    const lines = randomLines();
    const body = JSON.stringify({
      receiptNo: `H${tag}-${t}-${seq}`,
      member: { cardNo: seeded.cardNos[m] },
      occurredAt: new Date().toISOString(),
      lines,
      totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
    });
    const res = await httpRequest(agent, api.port, 'POST', '/api/v1/pos/transactions', { authorization: `Bearer ${store.key}` }, body);
    return res.status === 201 ? { ok: true } : { ok: false, detail: describeFailure(res) };
  };
  const lookup = async (w: number): Promise<Outcome> => {
    const store = stores[w % stores.length];
    const cardNo = seeded.cardNos[randomInt(n)];
    const res = await httpRequest(agent, api.port, 'GET', `/api/v1/pos/members/lookup?cardNo=${cardNo}`, {
      authorization: `Bearer ${store.key}`,
    });
    return res.status === 200 ? { ok: true } : { ok: false, detail: describeFailure(res) };
  };

  const window = { warmupSeconds: s.warmupSeconds, seconds: s.seconds };
  const cpu0 = treeCpuSeconds(api.child.pid ?? 0) ?? NaN;
  const wall0 = performance.now();
  const [purchases, lookups] = await Promise.all([
    runLoad({ ...window, workers: s.terminals, op: purchase }),
    lookupLoops > 0 ? runLoad({ ...window, workers: lookupLoops, pauseMs: s.lookupPauseMs, op: lookup }) : Promise.resolve(null),
  ]);
  const apiCpuSeconds = (treeCpuSeconds(api.child.pid ?? 0) ?? NaN) - cpu0;
  const apiCpuPercent = (100 * apiCpuSeconds) / ((performance.now() - wall0) / 1000);
  const answered = purchases.okTotal + purchases.failedTotal + (lookups ? lookups.okTotal + lookups.failedTotal : 0);
  const apiCpuMsPerRequest = (1000 * apiCpuSeconds) / answered;
  clearInterval(r.rssTimer);
  r.rssTimer = undefined;
  agent.destroy();
  return { purchases, lookups, maxRssMb, idleRssMb, maxRssEachMb, apiCpuPercent, apiCpuMsPerRequest, rssTimeline };
}

// Raw SQL phase

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

interface RawResult {
  result: LoadResult;
  /** The lookup loops' reads alongside (the API's lookup statement), when the phase ran them. */
  lookups: LoadResult | null;
  retries: number;
}

async function rawPhase(r: Resources, seeded: Seeded, runTag: string, touched: Set<number>, withLookups: boolean): Promise<RawResult> {
  const s = r.s;
  const lookupLoops = withLookups ? s.lookupLoops : 0;
  const pool = mysql.createPool({
    ...serverOptions(s),
    database: r.dbName,
    connectionLimit: s.terminals + lookupLoops,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  const conns = await Promise.all(Array.from({ length: s.terminals + lookupLoops }, () => pool.getConnection()));
  const storeId = newId(); // a store of its own, so (store_id, receipt_no) never meets the API's receipts
  const n = seeded.memberIds.length;
  let retries = 0;
  const window = { warmupSeconds: s.warmupSeconds, seconds: s.seconds };
  try {
    const lookupLoad =
      lookupLoops > 0
        ? runLoad({
            ...window,
            workers: lookupLoops,
            pauseMs: s.lookupPauseMs,
            op: async (w) =>
              (await rawLookup(conns[s.terminals + w], seeded.cardNos[randomInt(n)]))
                ? { ok: true }
                : { ok: false, detail: 'no such card' },
          })
        : Promise.resolve(null);
    const purchaseLoad = runLoad({
      workers: s.terminals,
      warmupSeconds: s.warmupSeconds,
      seconds: s.seconds,
      op: async (t, seq) => {
        const m = randomInt(n);
        touched.add(m);
        // Same policy as the API's inTransaction: a deadlock or lock wait timeout is retried.
        for (let attempt = 1; ; attempt++) {
          try {
            await rawPurchase(conns[t], seeded.memberIds[m], seeded.cardNos[m], storeId, `S${runTag}-${t}-${seq}`, randomLines());
            return { ok: true };
          } catch (err) {
            const code = (err as { code?: string }).code ?? '';
            if (attempt < 4 && RETRYABLE.has(code)) {
              retries++;
              continue;
            }
            return { ok: false, detail: `mysql ${code || (err as Error).message}` };
          }
        }
      },
    });
    const [result, lookups] = await Promise.all([purchaseLoad, lookupLoad]);
    return { result, lookups, retries };
  } finally {
    conns.forEach((c) => c.release());
    await pool.end();
  }
}

// Checks, server counters

// Ceiling phase: a bare node:http server doing the same writes (bench/ceiling-server.ts)

async function ceilingPhase(r: Resources, dbUrl: string, seeded: Seeded, runTag: string, touched: Set<number>): Promise<LoadResult> {
  const s = r.s;
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', 'ceiling-server.js')], {
    cwd: ROOT,
    env: { ...process.env, CEILING_PORT: String(port), CEILING_DB_URL: dbUrl, CEILING_POOL: String(s.apiPoolSize) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  r.api = child;
  const agent = new http.Agent({ keepAlive: true, maxSockets: s.terminals + 4 });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        await httpRequest(agent, port, 'GET', '/', {}, undefined, 500);
        break;
      } catch {
        await sleep(100);
      }
    }
    const n = seeded.cardNos.length;
    return await runLoad({
      workers: s.terminals,
      warmupSeconds: s.warmupSeconds,
      seconds: s.seconds,
      op: async (t, seq) => {
        const m = randomInt(n);
        touched.add(m);
        const lines = randomLines();
        const body = JSON.stringify({
          receiptNo: `C${runTag}-${t}-${seq}`,
          member: { cardNo: seeded.cardNos[m] },
          occurredAt: new Date().toISOString(),
          lines,
          totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
        });
        const res = await httpRequest(agent, port, 'POST', '/purchase', {}, body);
        return res.status === 201 ? { ok: true } : { ok: false, detail: describeFailure(res) };
      },
    });
  } finally {
    agent.destroy();
    await stopApi(child);
  }
}

async function globalStatus(pool: Pool): Promise<Record<string, number>> {
  const [rows] = await pool.query<RowDataPacket[]>(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_deadlocks', 'Innodb_data_fsyncs', 'Com_commit', 'Questions')",
  );
  return Object.fromEntries(rows.map((row) => [String(row.Variable_name), Number(row.Value)]));
}

function statusDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
}

/** Every touched member's balance equals the sum of their ledger entries and of their lots' remaining points. */
async function ledgerCheck(pool: Pool, seeded: Seeded, touched: Set<number>): Promise<{ checked: number; bad: string[] }> {
  const ids = [...touched].map((i) => seeded.memberIds[i]);
  const bad: string[] = [];
  for (let from = 0; from < ids.length; from += 1000) {
    const chunk = ids.slice(from, from + 1000);
    const [rows] = await pool.query<RowDataPacket[]>(
      `SELECT a.member_id, a.balance,
              (SELECT COALESCE(SUM(e.points), 0) FROM point_entries e WHERE e.member_id = a.member_id) AS ledger,
              (SELECT COALESCE(SUM(l.remaining), 0) FROM point_lots l WHERE l.member_id = a.member_id) AS lots
         FROM point_accounts a WHERE a.member_id IN (?)`,
      [chunk],
    );
    for (const row of rows) {
      if (String(row.balance) !== String(row.ledger) || String(row.balance) !== String(row.lots)) {
        bad.push(`${row.member_id}: balance ${row.balance}, ledger ${row.ledger}, lots ${row.lots}`);
      }
    }
    if (rows.length !== chunk.length) {
      bad.push(`${chunk.length - rows.length} touched members have no account row`);
    }
  }
  return { checked: ids.length, bad };
}

async function purchasesByStore(pool: Pool): Promise<Map<string, number>> {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT store_id, COUNT(*) AS n FROM purchases GROUP BY store_id');
  return new Map(rows.map((row) => [String(row.store_id), Number(row.n)]));
}

// Clean-up

async function stopApi(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    // The prefix is a hash tag such as {loyalty_bench_1a2b}; braces are literal in a MATCH pattern.
    return await deleteKeysUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

let cleaning: Promise<void> | null = null;
/** Set on SIGINT/SIGTERM: the main flow's errors from then on are the clean-up closing things under it. */
let interrupted = false;

/** Idempotent: from the finally block and from SIGINT/SIGTERM alike. */
function cleanup(r: Resources): Promise<void> {
  cleaning ??= (async () => {
    if (r.rssTimer) {
      clearInterval(r.rssTimer);
    }
    const step = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
      try {
        await fn();
      } catch (err) {
        process.stderr.write(`clean-up: ${what} failed: ${(err as Error).message}\n`);
      }
    };
    await step('stopping the API', () => stopApi(r.api));
    await step('closing the pool', async () => r.pool?.end());
    await step(`dropping ${r.dbName}`, async () => {
      const conn = await mysql.createConnection(serverOptions(r.s));
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${r.dbName}\``);
      } finally {
        await conn.end();
      }
    });
    await step('deleting Redis keys', () => deleteRedisKeys(r.s.redisUrl, r.queuePrefix));
    log(`clean-up: API stopped, database ${r.dbName} dropped, Redis keys ${r.queuePrefix}* deleted`);
  })();
  return cleaning;
}

// Main

async function main(): Promise<number> {
  const s = settings();
  const runTag = randomBytes(4).toString('hex');
  const dbName = `loyalty_bench_${runTag}`;
  const r: Resources = { dbName, queuePrefix: `{${dbName}}`, s };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      interrupted = true;
      process.stderr.write(`\n${sig}: cleaning up\n`);
      void cleanup(r).finally(() => process.exit(130));
    });
  }

  let failed: boolean;
  try {
    log(
      `bench: ${s.members} members, ${s.terminals} terminals, ${s.lookupLoops} lookup loops, ` +
        `${s.warmupSeconds} s warm-up + ${s.seconds} s per phase, database ${dbName}`,
    );
    const server = serverOptions(s);
    const db: DatabaseConfig = { ...server, database: dbName, poolSize: 4 };
    const dbUrl = `mysql://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${dbName}${server.socketPath ? `?socket=${encodeURIComponent(server.socketPath)}` : ''}`;

    let t = performance.now();
    await runMigrations(db);
    log(`migrations: ${fmt((performance.now() - t) / 1000, 1)} s`);

    r.pool = mysql.createPool({
      ...server,
      database: dbName,
      connectionLimit: 4,
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
    t = performance.now();
    const seeded = await seedMembers(r.pool, s.members);
    const seedSeconds = (performance.now() - t) / 1000;
    log(`seed: ${s.members} members (member, card, account, tier history) in ${fmt(seedSeconds, 1)} s`);

    t = performance.now();
    const api = await startApi(r, dbUrl);
    log(`API: up on port ${api.port} in ${fmt((performance.now() - t) / 1000, 1)} s (pid ${api.child.pid})`);

    const touched = new Set<number>();
    const mixed = s.lookupLoops > 0;
    let before = await globalStatus(r.pool);
    log(`HTTP phase: ${s.terminals} terminals posting purchases, nothing else ...`);
    const h = await httpPhase(r, api, seeded, `${runTag}a`, touched, false);
    const httpStatus = statusDelta(before, await globalStatus(r.pool));
    let hm: HttpPhase | null = null;
    if (mixed) {
      log(`HTTP phase with lookups: ${s.terminals} terminals posting purchases, ${s.lookupLoops} loops looking balances up ...`);
      hm = await httpPhase(r, api, seeded, `${runTag}m`, touched, true);
    }
    const apiAlive = api.child.exitCode === null && api.child.signalCode === null;
    const byStoreAfterHttp = await purchasesByStore(r.pool);

    // The API is stopped so the raw phases have the machine to themselves, as the API had.
    await stopApi(api.child);

    before = await globalStatus(r.pool);
    log(`raw SQL phase: ${s.terminals} mysql2 connections, one transaction per purchase ...`);
    const raw = await rawPhase(r, seeded, runTag, touched, false);
    const rawStatus = statusDelta(before, await globalStatus(r.pool));
    let rawMixed: RawResult | null = null;
    if (mixed) {
      log(`raw SQL phase with lookups: the same, and ${s.lookupLoops} connections reading the lookup's statement ...`);
      rawMixed = await rawPhase(r, seeded, `${runTag}m`, touched, true);
    }

    log(`ceiling phase: a bare node:http server doing the same writes, one transaction per request ...`);
    const ceiling = await ceilingPhase(r, dbUrl, seeded, runTag, touched);

    // Checks
    const ledger = await ledgerCheck(r.pool, seeded, touched);
    const httpStored = [...byStoreAfterHttp.values()].reduce((a, b) => a + b, 0);
    const httpPhases = hm ? [h, hm] : [h];
    const http201 = httpPhases.reduce((sum, p) => sum + p.purchases.okTotal, 0);
    const httpFailed = httpPhases.reduce((sum, p) => sum + p.purchases.failedTotal, 0);
    const countOk = httpStored === http201;
    const errorRate = (l: LoadResult | null | undefined) => (l ? l.failedTotal / Math.max(l.okTotal + l.failedTotal, 1) : 0);
    const ratio = h.purchases.opsPerSecond / raw.result.opsPerSecond;
    const mixedRatio = hm && rawMixed ? hm.purchases.opsPerSecond / rawMixed.result.opsPerSecond : null;
    // SQL statements the server received per request (Questions also counts the status queries: a handful).
    const httpStatementsPerRequest = (httpStatus.Questions ?? NaN) / (h.purchases.okTotal + h.purchases.failedTotal);
    const rawStatementsPerPurchase = (rawStatus.Questions ?? NaN) / (raw.result.okTotal + raw.result.failedTotal);
    const maxRssMb = Math.max(...httpPhases.map((p) => p.maxRssMb));
    const peak = httpPhases.find((p) => p.maxRssMb === maxRssMb) ?? h;
    const lookups = hm?.lookups ?? null;

    // Report
    const row = (name: string, ops: string, p50: string, p99: string, note = ''): string =>
      `${name.padEnd(32)}${ops.padStart(10)}${p50.padStart(10)}${p99.padStart(10)}   ${note}`;
    const loadRow = (name: string, l: LoadResult, note = ''): string => row(name, fmt(l.opsPerSecond), fmt(l.p50), fmt(l.p99), note);
    log('');
    log(`purchases alone (${s.terminals} terminals back to back):`);
    log(row('path', 'ops/s', 'p50 ms', 'p99 ms'));
    log(loadRow('POS purchase over HTTP', h.purchases, `target p99 < ${TARGET_P99_MS} ms`));
    log(loadRow('raw SQL, 1 txn per purchase', raw.result));
    log(loadRow('bare node:http + same writes', ceiling, 'the ceiling: HTTP with nothing else'));
    log(`${'ratio HTTP/raw'.padEnd(32)}${`${fmt(ratio, 2)}x`.padStart(10)}   target >= 0.60x (moonshot >= 1.00x)`);
    log(
      `${'ratio HTTP/ceiling'.padEnd(32)}${`${fmt(h.purchases.opsPerSecond / ceiling.opsPerSecond, 2)}x`.padStart(10)}   the share of a bare server's rate the API keeps`,
    );
    if (hm && rawMixed && lookups && rawMixed.lookups) {
      log('');
      log(`purchases with ${s.lookupLoops} lookup loops alongside (pause ${s.lookupPauseMs} ms), on both sides:`);
      log(loadRow('POS purchase over HTTP', hm.purchases));
      log(loadRow('balance lookup over HTTP', lookups, `target p99 < ${TARGET_LOOKUP_P99_MS} ms`));
      log(loadRow('raw SQL purchase', rawMixed.result));
      log(loadRow('raw SQL lookup statement', rawMixed.lookups));
      log(`${'ratio HTTP/raw, purchases'.padEnd(32)}${`${fmt(mixedRatio ?? NaN, 2)}x`.padStart(10)}`);
      log(`${'ratio HTTP/raw, lookups'.padEnd(32)}${`${fmt(lookups.opsPerSecond / rawMixed.lookups.opsPerSecond, 2)}x`.padStart(10)}`);
    }
    log(
      `${'API RSS'.padEnd(32)}${`${fmt(maxRssMb, 0)} MB`.padStart(10)}   max under load (idle after start ${fmt(h.idleRssMb, 0)} MB), target < ${TARGET_RSS_MB} MB` +
        (peak.maxRssEachMb.length > 1
          ? `; sum of ${peak.maxRssEachMb.length} processes: primary ${fmt(peak.maxRssEachMb[0], 0)} + ${peak.maxRssEachMb
              .slice(1)
              .map((mb) => fmt(mb, 0))
              .join(' + ')} MB`
          : ''),
    );
    log('');
    for (const [name, p] of hm
      ? ([
          ['HTTP', h],
          ['HTTP with lookups', hm],
        ] as const)
      : ([['HTTP', h]] as const)) {
      log(
        `${name}: ${p.purchases.ok} purchases measured (${p.purchases.okTotal} with warm-up), max ${fmt(p.purchases.max)} ms; ` +
          `failed ${p.purchases.failedTotal}; API CPU ${fmt(p.apiCpuPercent, 0)}% of a core, ${fmt(p.apiCpuMsPerRequest, 2)} ms per request; ` +
          `RSS every 5 s (MB): ${p.rssTimeline.join(' ')}`,
      );
    }
    log(
      `HTTP (purchases alone): ${fmt(httpStatementsPerRequest, 1)} SQL statements per purchase; deadlocks ${httpStatus.Innodb_deadlocks ?? '?'}, ` +
        `commits ${httpStatus.Com_commit ?? '?'}, fsyncs ${httpStatus.Innodb_data_fsyncs ?? '?'}`,
    );
    if (lookups) {
      log(`lookups: ${lookups.ok} measured, max ${fmt(lookups.max)} ms; failed ${lookups.failedTotal}`);
    }
    log(
      `raw: ${raw.result.ok} purchases measured (${raw.result.okTotal} with warm-up), max ${fmt(raw.result.max)} ms; ` +
        `failed ${raw.result.failedTotal}, retried ${raw.retries + (rawMixed?.retries ?? 0)}; ${fmt(rawStatementsPerPurchase, 1)} SQL statements per purchase; deadlocks ${rawStatus.Innodb_deadlocks ?? '?'}, ` +
        `commits ${rawStatus.Com_commit ?? '?'}, fsyncs ${rawStatus.Innodb_data_fsyncs ?? '?'}`,
    );
    const failures = [
      ...httpPhases.flatMap((p) => [...p.purchases.failures].map(([k, v]) => `  purchase  ${k}: ${v}`)),
      ...[...(lookups?.failures ?? [])].map(([k, v]) => `  lookup    ${k}: ${v}`),
      ...[raw, rawMixed].flatMap((x) => [...(x?.result.failures ?? [])].map(([k, v]) => `  raw       ${k}: ${v}`)),
      ...[...(rawMixed?.lookups?.failures ?? [])].map(([k, v]) => `  raw lookup ${k}: ${v}`),
    ];
    if (failures.length) {
      log(`failures:\n${failures.join('\n')}`);
    }
    const apiProblems = api.logLines.filter((l) => /"level":\s*(40|50|60)|error|warn/i.test(l));
    if (apiProblems.length) {
      log(
        `API warn/error log lines: ${apiProblems.length}; first ones:\n${apiProblems
          .slice(0, 5)
          .map((l) => `  ${l.slice(0, 400)}`)
          .join('\n')}`,
      );
    }
    if (!apiAlive) {
      log('API: the process died during the HTTP phases');
    }
    log(
      ledger.bad.length === 0
        ? `ledger check: ok (${ledger.checked} members: balance = sum of entries = sum of lot remainders)`
        : `ledger check: FAILED for ${ledger.bad.length} of ${ledger.checked} members:\n${ledger.bad
            .slice(0, 10)
            .map((b) => `  ${b}`)
            .join('\n')}`,
    );
    log(
      countOk
        ? `purchase count check: ok (${httpStored} rows for ${http201} answers 201)`
        : `purchase count check: FAILED: ${httpStored} purchase rows in the API's stores, ${http201} answers 201` +
            (httpFailed ? ` (and ${httpFailed} failed requests, which may have been written)` : ''),
    );

    failed =
      httpPhases.some((p) => errorRate(p.purchases) > MAX_ERROR_RATE) ||
      errorRate(lookups) > MAX_ERROR_RATE ||
      errorRate(raw.result) > MAX_ERROR_RATE ||
      errorRate(rawMixed?.result) > MAX_ERROR_RATE ||
      errorRate(rawMixed?.lookups) > MAX_ERROR_RATE ||
      ledger.bad.length > 0 ||
      (!countOk && httpFailed === 0) ||
      !apiAlive;

    const load = (l: LoadResult) => ({
      opsPerSecond: round(l.opsPerSecond, 1),
      p50Ms: round(l.p50),
      p99Ms: round(l.p99),
      maxMs: round(l.max),
      measured: l.ok,
      failed: l.failedTotal,
    });
    const summary = {
      bench: 'pos-accrual',
      members: s.members,
      terminals: s.terminals,
      lookupLoops: s.lookupLoops,
      seconds: s.seconds,
      seedSeconds: round(seedSeconds, 1),
      http: {
        ...load(h.purchases),
        deadlocks: httpStatus.Innodb_deadlocks ?? null,
        fsyncs: httpStatus.Innodb_data_fsyncs ?? null,
        commits: httpStatus.Com_commit ?? null,
        statementsPerPurchase: round(httpStatementsPerRequest, 1),
        apiCpuPercent: round(h.apiCpuPercent, 0),
        apiCpuMsPerRequest: round(h.apiCpuMsPerRequest, 3),
      },
      raw: {
        ...load(raw.result),
        retries: raw.retries,
        deadlocks: rawStatus.Innodb_deadlocks ?? null,
        fsyncs: rawStatus.Innodb_data_fsyncs ?? null,
        commits: rawStatus.Com_commit ?? null,
        statementsPerPurchase: round(rawStatementsPerPurchase, 1),
      },
      ratio: round(ratio, 3),
      ceiling: {
        opsPerSecond: round(ceiling.opsPerSecond, 1),
        p50Ms: round(ceiling.p50, 2),
        p99Ms: round(ceiling.p99, 2),
        failed: ceiling.failedTotal,
      },
      ratioToCeiling: round(h.purchases.opsPerSecond / ceiling.opsPerSecond, 3),
      withLookups:
        hm && rawMixed && lookups && rawMixed.lookups
          ? {
              lookupPauseMs: s.lookupPauseMs,
              httpPurchases: load(hm.purchases),
              httpLookups: load(lookups),
              rawPurchases: load(rawMixed.result),
              rawLookups: load(rawMixed.lookups),
              purchaseRatio: round(mixedRatio ?? NaN, 3),
              lookupRatio: round(lookups.opsPerSecond / rawMixed.lookups.opsPerSecond, 3),
              apiCpuPercent: round(hm.apiCpuPercent, 0),
              apiCpuMsPerRequest: round(hm.apiCpuMsPerRequest, 3),
            }
          : null,
      apiRssMaxMb: round(maxRssMb, 0),
      apiRssIdleMb: round(h.idleRssMb, 0),
      apiProcesses: process.env.API_PROCESSES || '1',
      apiRssMaxEachMb: peak.maxRssEachMb.map((mb) => round(mb, 0)),
      apiRssTimelineMb: httpPhases.flatMap((p) => p.rssTimeline),
      ledgerCheck: ledger.bad.length === 0 ? 'ok' : 'failed',
      ledgerMembersChecked: ledger.checked,
      targets: {
        throughputAtLeast60PercentOfRaw: ratio >= 0.6,
        throughputAtLeastRaw: ratio >= 1,
        p99Under50Ms: h.purchases.p99 < TARGET_P99_MS,
        lookupP99Under10Ms: lookups ? lookups.p99 < TARGET_LOOKUP_P99_MS : null,
        rssUnder300Mb: maxRssMb < TARGET_RSS_MB,
      },
    };
    log('');
    log(JSON.stringify(summary));
  } catch (err) {
    failed = true;
    if (interrupted) {
      return 130;
    }
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  } finally {
    await cleanup(r);
  }
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
