import { configOrExit, createApiApp, loadDotEnv, migrateIfEnabled } from './bootstrap';

/** The HTTP API entry point. Workers run in src/worker.ts. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = configOrExit();
  await migrateIfEnabled(config);
  const app = await createApiApp();
  await app.listen(config.port);
}

void main();
