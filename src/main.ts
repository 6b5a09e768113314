import { configOrExit, createApiApp, loadDotEnv, migrateIfEnabled } from './bootstrap';
import { armShutdownWatchdog } from './common/shutdown-watchdog';

/** The HTTP API entry point. Workers run in src/worker.ts. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = configOrExit();
  await migrateIfEnabled(config);
  const app = await createApiApp();
  armShutdownWatchdog(config.shutdownTimeoutMs);
  await app.listen(config.port);
}

void main();
