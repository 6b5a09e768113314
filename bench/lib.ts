import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

// Small helpers of the benchmark: an HTTP client, a closed-loop load runner,
// percentiles, process RSS and table formatting. No project code here.

export interface HttpResult {
  status: number;
  body: string;
}

/**
 * One HTTP request over a keep-alive agent. node:http rather than fetch: it
 * costs the client less CPU, and the client shares the two cores with the API.
 */
export function httpRequest(
  agent: http.Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
  timeoutMs = 30_000,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const allHeaders: Record<string, string | number> = { ...headers };
    if (body !== undefined) {
      allHeaders['content-type'] = 'application/json';
      allHeaders['content-length'] = Buffer.byteLength(body);
    }
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: allHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== undefined) {
      req.write(body);
    }
    req.end();
  });
}

/** An operation's outcome: ok, or an error detail used to group failures. */
export type Outcome = { ok: true } | { ok: false; detail: string };

export interface LoadResult {
  /** Successful operations started inside the measured window, per second. */
  opsPerSecond: number;
  ok: number;
  failed: number;
  /** Every operation, warm-up included: for the end-of-run consistency checks. */
  okTotal: number;
  failedTotal: number;
  p50: number;
  p99: number;
  max: number;
  /** Failure detail -> count (warm-up included). */
  failures: Map<string, number>;
}

export interface LoadOptions {
  workers: number;
  warmupSeconds: number;
  seconds: number;
  /** Pause after each operation of a worker (0 = closed loop at full speed). */
  pauseMs?: number;
  op: (worker: number, seq: number) => Promise<Outcome>;
}

/**
 * Closed-loop load: `workers` loops each run `op` back to back. Operations that
 * start inside [warm-up end, warm-up end + seconds) are measured; the others
 * warm caches and connection pools but are not counted in rates or latencies.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const t0 = performance.now();
  const measureStart = t0 + o.warmupSeconds * 1000;
  const measureEnd = measureStart + o.seconds * 1000;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let ok = 0;
  let failed = 0;
  let okTotal = 0;
  let failedTotal = 0;

  const worker = async (w: number): Promise<void> => {
    for (let seq = 0; performance.now() < measureEnd; seq++) {
      const start = performance.now();
      let outcome: Outcome;
      try {
        outcome = await o.op(w, seq);
      } catch (err) {
        outcome = { ok: false, detail: `client error: ${(err as Error).message}` };
      }
      const ms = performance.now() - start;
      const measured = start >= measureStart && start < measureEnd;
      if (outcome.ok) {
        okTotal++;
        if (measured) {
          ok++;
          latencies.push(ms);
        }
      } else {
        failedTotal++;
        if (measured) {
          failed++;
        }
        failures.set(outcome.detail, (failures.get(outcome.detail) ?? 0) + 1);
      }
      if (o.pauseMs) {
        await sleep(o.pauseMs);
      }
    }
  };
  await Promise.all(Array.from({ length: o.workers }, (_, w) => worker(w)));

  const sorted = Float64Array.from(latencies).sort();
  return {
    opsPerSecond: ok / o.seconds,
    ok,
    failed,
    okTotal,
    failedTotal,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    failures,
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resident set size of a process in MB (Linux /proc), or null once it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** A process and all its descendants (a cluster's primary and its API processes), from /proc's parent links. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    tree.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return tree;
}

/** RSS of a process tree: the sum (what the host gives the API) and each process's own, root first; null once the root is gone. */
export function treeRssMb(pid: number): { total: number; each: number[] } | null {
  const each: number[] = [];
  for (const p of processTree(pid)) {
    const mb = rssMb(p);
    if (mb !== null) {
      each.push(mb);
    } else if (p === pid) {
      return null;
    }
  }
  return { total: each.reduce((a, b) => a + b, 0), each };
}

/** User + system CPU seconds of a process tree's live processes. */
export function treeCpuSeconds(pid: number): number | null {
  const tree = processTree(pid);
  if (cpuSeconds(pid) === null) {
    return null;
  }
  return tree.reduce((sum, p) => sum + (cpuSeconds(p) ?? 0), 0);
}

/** A TCP port the OS reports free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function randomInt(n: number): number {
  return Math.floor(Math.random() * n);
}

export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '-';
}

/** Rounds for the JSON summary line. */
export function round(n: number, digits = 2): number | null {
  if (!Number.isFinite(n)) {
    return null;
  }
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** User + system CPU seconds a process has used so far (Linux /proc, 100 ticks a second), or null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
