import { configOrExit, loadDotEnv } from '../bootstrap';
import { runMigrations } from './migrate';

/** `npm run migration:run`: applies pending migrations under the same lock as a start. */
async function main(): Promise<void> {
  loadDotEnv();
  // Migrations need only the database; the console secrets are not read here.
  process.env.ADMIN_EMAIL ??= 'migrations@localhost';
  process.env.ADMIN_PASSWORD ??= 'unused-by-migrations';
  process.env.JWT_SECRET ??= 'unused-by-migrations-unused-by-migrations';
  const config = configOrExit();
  const applied = await runMigrations(config.database);
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations.\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
