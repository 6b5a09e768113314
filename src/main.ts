import cluster from 'node:cluster';
import { apiProcessesFrom } from './config/api-processes';
import type { AppConfig } from './config/app-config';
import { loadDotEnv } from './config/dotenv';

/**
 * The HTTP API entry point: one API process, or with API_PROCESSES > 1 a primary that forks that many and shares the
 * port with them (src/api-cluster.ts). Workers run in src/worker.ts.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const processes = apiProcessesFrom(process.env.API_PROCESSES);
  if (cluster.isPrimary && processes !== null && processes > 1) {
    // The primary loads none of the app and not the configuration (class-validator and the queue names pull in
    // about 70 MB): the API processes validate the environment, and the first one's failure is the primary's.
    const { runApiPrimary } = await import('./api-cluster');
    const timeout = Number(process.env.SHUTDOWN_TIMEOUT_MS);
    runApiPrimary({
      processes,
      shutdownTimeoutMs: Number.isInteger(timeout) && timeout > 0 ? timeout : 8000,
      logInfo: ['', 'info', 'debug', 'trace'].includes(process.env.LOG_LEVEL ?? ''),
    });
    return;
  }
  const { configOrExit } = await import('./bootstrap');
  await startApi(configOrExit());
}

async function startApi(config: AppConfig): Promise<void> {
  const { createApiApp, migrateIfEnabled } = await import('./bootstrap');
  const { appVersion, exitOnListenError } = await import('./common/startup');
  const { armShutdownWatchdog } = await import('./common/shutdown-watchdog');
  await migrateIfEnabled(config);
  const app = await createApiApp();
  if (!cluster.isWorker) {
    armShutdownWatchdog(config.shutdownTimeoutMs);
  }
  try {
    await app.listen(config.port);
  } catch (err) {
    exitOnListenError(err, config.port);
    throw err;
  }
  if (cluster.isWorker) {
    // One of API_PROCESSES: the primary prints the start-up line once they all listen, and says when to stop.
    const { runAsClusterWorker } = await import('./api-cluster');
    runAsClusterWorker(() => app.close(), config.shutdownTimeoutMs, config.port, appVersion());
    return;
  }
  const { Logger } = await import('@nestjs/common');
  const url = `http://localhost:${config.port}`;
  new Logger('Startup').log(
    { url, version: appVersion(), workers: [] },
    `Loyalty API ${appVersion()} listening on ${url} (workers: none in this process; run dist/src/worker.js)`,
  );
}

void main();
