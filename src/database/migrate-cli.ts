import { ConfigError, loadDatabaseConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { runMigrations } from './migrate';

/**
 * `npm run migration:run`: applies pending migrations under the same lock as
 * a start. It reads only the database variables and loads nothing of the app.
 */
async function main(): Promise<void> {
  loadDotEnv();
  let db;
  try {
    db = loadDatabaseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const applied = await runMigrations(db);
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations.\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
