// Data source for the TypeORM CLI (migration:generate, migration:revert).
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

const db = loadConfig({
  ADMIN_EMAIL: 'cli@localhost',
  ADMIN_PASSWORD: 'not-used-by-the-cli',
  JWT_SECRET: 'not-used-by-the-cli-not-used-by-the-cli',
  ...process.env,
}).database;

// No statement deadline: a migration may legitimately run for minutes.
export default new DataSource({ ...dataSourceOptions(db), enableQueryTimeout: false });
