// Data source for the TypeORM CLI (migration:generate, migration:revert): the database variables only.
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

// No statement deadline: a migration may legitimately run for minutes.
export default new DataSource({ ...dataSourceOptions(loadDatabaseConfig()), enableQueryTimeout: false });
