import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MysqlConnectionOptions } from 'typeorm/driver/mysql/MysqlConnectionOptions';
import { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';

export function dataSourceOptions(db: DatabaseConfig): MysqlConnectionOptions & DataSourceOptions {
  return {
    type: 'mysql',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.database,
    entities: ENTITIES,
    // Compiled (dist/migrations/*.js) or, under ts-node/ts-jest, the sources.
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: ['DATE'],
    poolSize: db.poolSize,
    extra: { connectionLimit: db.poolSize, enableKeepAlive: true },
    // Failed queries surface as errors we handle or log with an error id; duplicate keys are expected in races.
    logging: false,
  };
}
