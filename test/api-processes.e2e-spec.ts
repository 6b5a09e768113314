import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { ensureBuilt, freePort, MAIN, ROOT } from './support/built-server';

/*
 * API_PROCESSES > 1 (src/api-cluster.ts): one primary and its API processes sharing the port. The built server is run,
 * as in startup.e2e-spec.ts.
 */

/** The pids whose parent is pid (Linux /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) {
        found.push(Number(entry));
      }
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An exited process its new parent has not reaped yet (a zombie, state Z) still answers signal 0: it is gone.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) {
      throw new Error('timed out');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCluster(port: number): Run {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'production', API_PROCESSES: '2', SHUTDOWN_TIMEOUT_MS: '8000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

describe('API_PROCESSES=2', () => {
  let run: Run | undefined;
  const leftovers: number[] = [];

  beforeAll(() => ensureBuilt(), 180_000);

  afterEach(() => {
    for (const pid of [run?.child.pid ?? 0, ...leftovers]) {
      if (pid && alive(pid)) {
        process.kill(pid, 'SIGKILL');
      }
    }
    leftovers.length = 0;
  });

  async function started(): Promise<{ port: number; run: Run; workers: number[] }> {
    const port = await freePort();
    run = startCluster(port);
    await waitFor(() => run!.output().includes('listening on'), 90_000);
    const workers = childrenOf(run.child.pid ?? 0);
    leftovers.push(...workers);
    return { port, run, workers };
  }

  it('starts two API processes behind one port, says so once, and on SIGTERM drains each and exits 0', async () => {
    const { port, run: r, workers } = await started();
    expect(workers).toHaveLength(2);
    const startup = r
      .output()
      .split('\n')
      .filter((l) => l.includes('listening on'));
    expect(startup).toHaveLength(1);
    expect(JSON.parse(startup[0])).toMatchObject({ level: 30, url: `http://localhost:${port}`, workers: [], processes: 2 });
    expect(await get(port, '/health/live')).toBe(200);

    r.child.kill('SIGTERM');
    const exit = await r.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(r.output().match(/HTTP server drained/g)).toHaveLength(2);
    expect(workers.filter(alive)).toEqual([]);
  }, 150_000);

  it('an API process that dies is replaced; the primary killed with -9 takes its API processes down, leaving the port free', async () => {
    const { port, run: r, workers } = await started();
    process.kill(workers[0], 'SIGKILL');
    await waitFor(() => r.output().includes('starting a new one'), 10_000);
    await waitFor(() => childrenOf(r.child.pid ?? 0).filter((p) => !workers.includes(p)).length === 1, 10_000);
    const now = childrenOf(r.child.pid ?? 0);
    leftovers.push(...now);
    expect(now).toHaveLength(2);

    r.child.kill('SIGKILL');
    await r.exited;
    // A replacement still loading the app (seconds on a busy machine) handles the lost IPC channel once its event loop runs.
    await waitFor(() => now.every((pid) => !alive(pid)), 45_000);
    // Nothing holds the port: a new server can listen on it.
    await new Promise<void>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, () => server.close(() => resolve()));
    });
  }, 150_000);
});
