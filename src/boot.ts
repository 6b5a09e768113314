import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { runMigrations } from './database/migrate';

/**
 * What every entry point does before it builds its Nest app: read .env, load the
 * configuration or stop, run the migrations when asked. Shared by the API
 * (bootstrap.ts) and the worker (worker.ts); it imports no module of the app, so
 * the worker loads no controller.
 */

export { loadDotEnv } from './config/dotenv';

/** Loads the configuration or stops the process with a message naming the bad variables. */
export function configOrExit(): AppConfig {
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

export async function migrateIfEnabled(config: AppConfig): Promise<void> {
  if (config.runMigrations) {
    const applied = await runMigrations(config.database);
    if (applied.length > 0) {
      process.stdout.write(`${JSON.stringify({ level: 30, msg: 'migrations applied', migrations: applied })}\n`);
    }
  }
}
