import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { testEnvironment } from './test-env';

export default async function globalSetup(): Promise<void> {
  Object.assign(process.env, testEnvironment());
  await runMigrations(loadConfig().database);
}
