import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WORKER = join(ROOT, 'dist', 'src', 'worker.js');

/** The newest modification time of any file under dir (build outputs older than it are stale). */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when the compiled worker is missing or older than the sources, so a test never runs stale code. */
export function ensureWorkerBuilt(): void {
  if (!existsSync(WORKER) || statSync(WORKER).mtimeMs < newestMtime(join(ROOT, 'src'))) {
    execFileSync('npx', ['nest', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
}

/**
 * Real worker processes (node dist/src/worker.js) on the run's database and queue prefix, their output collected
 * for failure messages; `killAll()` in afterAll makes sure none outlives the suite.
 */
export class WorkerProcesses {
  output = '';
  private readonly children: ChildProcess[] = [];

  start(env: Record<string, string> = {}): ChildProcess {
    const child = spawn(process.execPath, [WORKER], {
      cwd: ROOT,
      env: { ...process.env, RUN_MIGRATIONS: 'false', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.children.push(child);
    return child;
  }

  /**
   * Asks a worker to shut down (SIGTERM) and waits until its process has exited, so a worker being stopped cannot
   * take the next test's jobs; SIGKILL when it has not gone within `graceMs`.
   */
  async stop(child: ChildProcess, graceMs = 20_000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  killAll(): void {
    for (const c of this.children) {
      if (c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
      }
    }
  }
}
