import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configOrExit, loadDotEnv, migrateIfEnabled } from './boot';
import { activeQueues, appVersion } from './common/startup';
import { armShutdownWatchdog } from './common/shutdown-watchdog';
import { WorkerModule } from './worker.module';

/** The worker entry point: BullMQ processors, no HTTP. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = configOrExit();
  await migrateIfEnabled(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  armShutdownWatchdog(config.shutdownTimeoutMs);
  const workers = activeQueues(config);
  new NestLogger('Startup').log(
    { version: appVersion(), workers },
    `Loyalty worker ${appVersion()} running queues: ${workers.length > 0 ? workers.join(', ') : 'none (check ACTIVE_WORKERS)'}`,
  );
}

void main();
