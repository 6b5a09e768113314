import { Logger } from '@nestjs/common';
import { appVersion, exitOnListenError } from './common/startup';
import { configOrExit, createApiApp, loadDotEnv, migrateIfEnabled } from './bootstrap';
import { armShutdownWatchdog } from './common/shutdown-watchdog';

/** The HTTP API entry point. Workers run in src/worker.ts. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = configOrExit();
  await migrateIfEnabled(config);
  const app = await createApiApp();
  armShutdownWatchdog(config.shutdownTimeoutMs);
  try {
    await app.listen(config.port);
  } catch (err) {
    exitOnListenError(err, config.port);
    throw err;
  }
  const url = `http://localhost:${config.port}`;
  new Logger('Startup').log(
    { url, version: appVersion(), workers: [] },
    `Loyalty API ${appVersion()} listening on ${url} (workers: none in this process; run dist/src/worker.js)`,
  );
}

void main();
