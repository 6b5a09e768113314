import cluster from 'node:cluster';
import { appVersion } from './common/startup';
import { loadDotEnv } from './config/dotenv';
import { ConfigError, loadConfig, AppConfig } from './config/app-config';

/** The HTTP API entry point: one API process, or with API_PROCESSES > 1 a primary and its API processes. Workers run in src/worker.ts. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = configOrExit();
  if (config.apiProcesses > 1 && cluster.isPrimary) {
    // The primary loads none of the app (its RSS stays small): it only forks, watches and stops the API processes.
    const { runApiPrimary } = await import('./api-cluster');
    runApiPrimary({
      processes: config.apiProcesses,
      port: config.port,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      runMigrations: config.runMigrations,
      started: (processes) => startupLine(config, processes),
    });
    return;
  }
  await startApi(config);
}

async function startApi(config: AppConfig): Promise<void> {
  const { createApiApp, migrateIfEnabled } = await import('./bootstrap');
  const { exitOnListenError } = await import('./common/startup');
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
    const { runAsClusterWorker } = await import('./api-cluster');
    runAsClusterWorker(() => app.close(), config.shutdownTimeoutMs);
    return;
  }
  const { Logger } = await import('@nestjs/common');
  const url = `http://localhost:${config.port}`;
  new Logger('Startup').log(
    { url, version: appVersion(), workers: [] },
    `Loyalty API ${appVersion()} listening on ${url} (workers: none in this process; run dist/src/worker.js)`,
  );
}

/** The start-up line of a cluster, once every API process listens (the primary has no Nest logger). */
function startupLine(config: AppConfig, processes: number): void {
  const url = `http://localhost:${config.port}`;
  process.stdout.write(
    `${JSON.stringify({
      level: 30,
      time: Date.now(),
      pid: process.pid,
      context: 'Startup',
      url,
      version: appVersion(),
      workers: [],
      processes,
      msg: `Loyalty API ${appVersion()} listening on ${url} in ${processes} processes (workers: none in these processes; run dist/src/worker.js)`,
    })}\n`,
  );
}

/** Loads the configuration or stops the process with a message naming the bad variables. */
function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee config/.env.example for every variable and its default.\n`);
      process.exit(78);
    }
    throw err;
  }
}

void main();
