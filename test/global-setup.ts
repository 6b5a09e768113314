import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { testEnvironment } from './test-env';

/**
 * One database and queue prefix for the whole `npm test` run. Each Jest
 * project that needs the database (medium, e2e) names this setup; the first
 * one to run creates the run's environment and the others reuse it.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.LOYALTY_TEST_RUN) {
    Object.assign(process.env, testEnvironment(), { LOYALTY_TEST_RUN: '1' });
  }
  await runMigrations(loadConfig().database);
}
