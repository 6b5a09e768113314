import cluster, { Worker } from 'node:cluster';

/** The message the primary sends a worker to stop it (besides the signal, which a worker may also get from its group). */
export const STOP_MESSAGE = 'loyalty:api:stop';
/** The message a worker sends the primary once it listens. */
const LISTENING_MESSAGE = 'loyalty:api:listening';
/** A worker that dies more often than this within RESTART_WINDOW_MS stops the whole API. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

function logLine(level: number, msg: string, fields: Record<string, unknown> = {}): void {
  const stream = level >= 50 ? process.stderr : process.stdout;
  stream.write(`${JSON.stringify({ level, time: Date.now(), pid: process.pid, ...fields, msg })}\n`);
}

export interface PrimaryOptions {
  processes: number;
  /** SHUTDOWN_TIMEOUT_MS; the API processes validate it (and all the rest) themselves. */
  shutdownTimeoutMs: number;
  /** Whether LOG_LEVEL shows info lines (the start-up line is one). */
  logInfo: boolean;
}

interface ListeningMessage {
  cmd: typeof LISTENING_MESSAGE;
  port: number;
  version: string;
}

function isListening(msg: unknown): msg is ListeningMessage {
  return typeof msg === 'object' && msg !== null && (msg as { cmd?: unknown }).cmd === LISTENING_MESSAGE;
}

/**
 * The primary of API_PROCESSES > 1: it loads none of the app (not even the configuration: about 45 MB RSS), forks the API processes (the first alone, which applies
 * the migrations when RUN_MIGRATIONS is on, then the others) and shares the listening port with them (node:cluster).
 *
 * - SIGTERM / SIGINT: every worker is told to stop and drains like a single API process (HttpDrain); the primary exits
 *   when they all have, 0 when each stopped cleanly, and at the latest after SHUTDOWN_TIMEOUT_MS + 2 s (SIGKILL). One
 *   still starting (no request taken yet) is ended by the signal itself, as a single API process would be.
 * - A worker that fails during start-up stops the API with its exit code (a port in use, a database that refuses...).
 * - A worker that dies later (a crash, an OOM kill) is replaced; more than MAX_RESTARTS in a minute stops the API.
 * - The primary killed (kill -9): each worker loses its IPC channel and exits at once (node:cluster does so), as if
 *   it had been killed too, so nothing holds the port or posts after the crash.
 */
export function runApiPrimary(options: PrimaryOptions): void {
  const { processes } = options;
  let stopping = false;
  let allStarted = false;
  let worstExit = 0;
  let othersForked = false;
  const restarts: number[] = [];
  const indexOf = new Map<Worker, number>();
  const ready = new Set<Worker>();

  // The first process runs with the environment as given (RUN_MIGRATIONS included); the others never migrate.
  const fork = (index: number, first: boolean): Worker => {
    const worker = cluster.fork(
      first ? { API_PROCESS_INDEX: String(index) } : { API_PROCESS_INDEX: String(index), RUN_MIGRATIONS: 'false' },
    );
    worker.on('message', (msg: unknown) => {
      if (isListening(msg)) {
        listening(worker, msg);
      }
    });
    indexOf.set(worker, index);
    return worker;
  };

  const listening = (worker: Worker, msg: ListeningMessage): void => {
    ready.add(worker);
    if (!othersForked) {
      // The first process has applied the migrations: the others start without.
      othersForked = true;
      for (let i = 2; i <= processes; i += 1) {
        fork(i, false);
      }
    }
    if (!allStarted && ready.size === processes) {
      allStarted = true;
      if (options.logInfo) {
        const url = `http://localhost:${msg.port}`;
        logLine(
          30,
          `Loyalty API ${msg.version} listening on ${url} in ${processes} processes (workers: none in these processes; run dist/src/worker.js)`,
          {
            context: 'Startup',
            url,
            version: msg.version,
            workers: [],
            processes,
          },
        );
      }
    }
  };

  const stopAll = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && ready.has(worker) && worker.isConnected()) {
        worker.send(STOP_MESSAGE);
      } else {
        // Still starting (it takes no request yet and has no handler): the signal ends it at once, as it would end a
        // single API process that had not started.
        worker?.process.kill(signal);
      }
    }
    setTimeout(() => {
      logLine(40, `API processes still running ${options.shutdownTimeoutMs + 2000} ms after ${signal}; killing them`);
      for (const worker of Object.values(cluster.workers ?? {})) {
        worker?.process.kill('SIGKILL');
      }
      process.exit(1);
    }, options.shutdownTimeoutMs + 2000).unref();
  };
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));

  cluster.on('exit', (worker, code, signal) => {
    const index = indexOf.get(worker) ?? 0;
    indexOf.delete(worker);
    ready.delete(worker);
    const clean = code === 0 && signal === null;
    if (!clean) {
      worstExit = Math.max(worstExit, code || 1);
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        process.exit(worstExit);
      }
      return;
    }
    if (!allStarted) {
      // A start that fails (the worker said why on stderr) stops the API with the same code.
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) {
        other?.process.kill('SIGKILL');
      }
      process.exit(code || 1);
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0] < now - RESTART_WINDOW_MS) {
      restarts.shift();
    }
    if (restarts.length > MAX_RESTARTS) {
      logLine(50, `API process ${index} died ${restarts.length} times within a minute; stopping the API`, { code, signal });
      stopAll('SIGTERM');
      worstExit = Math.max(worstExit, 1);
      return;
    }
    logLine(50, `API process ${index} exited (code ${code}, signal ${signal}); starting a new one`, { code, signal });
    fork(index, false);
  });

  fork(1, true);
}

/**
 * In an API process of the cluster: tell the primary it listens, and stop (app.close(), which drains, then exit) on
 * the primary's message or on a signal, once however many arrive (a terminal's Ctrl-C reaches the whole group).
 */
export function runAsClusterWorker(close: () => Promise<void>, shutdownTimeoutMs: number, port: number, version: string): void {
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    setTimeout(() => {
      logLine(40, `shutdown after ${reason} did not finish within ${shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        logLine(50, `shutdown failed: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('message', (msg: unknown) => {
    if (msg === STOP_MESSAGE) {
      stop('the primary asked');
    }
  });
  const listening: ListeningMessage = { cmd: LISTENING_MESSAGE, port, version };
  process.send?.(listening);
}
