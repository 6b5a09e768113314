import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_QUEUES } from '../queue/queue.constants';
import { AppConfig } from '../config/app-config';

/** APP_VERSION when set (CI stamps it), else package.json's version. */
export function appVersion(): string {
  if (process.env.APP_VERSION) {
    return process.env.APP_VERSION;
  }
  // src/common (ts-node) or dist/src/common (built): package.json is two or three levels up.
  for (const up of ['../..', '../../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'loyalty-platform' && pkg.version) {
        return pkg.version;
      }
    } catch {
      // try the next level
    }
  }
  return 'unknown';
}

/** The queues a worker process of this configuration runs. */
export function activeQueues(config: AppConfig): string[] {
  return ALL_QUEUES.filter((q) => config.isWorkerActive(q));
}

/** A start that fails the way an operator can fix gets one sentence and exit code 1, not a stack trace. */
export function exitOnListenError(err: unknown, port: number): never | void {
  if ((err as { code?: string })?.code === 'EADDRINUSE') {
    process.stderr.write(`Port ${port} is already in use: set PORT to a free port.\n`);
    process.exit(1);
  }
  if ((err as { code?: string })?.code === 'EACCES') {
    process.stderr.write(`Port ${port} needs more privileges than this process has: set PORT to a port above 1023.\n`);
    process.exit(1);
  }
}
