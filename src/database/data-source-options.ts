import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MysqlDataSourceOptions } from 'typeorm/driver/mysql/MysqlDataSourceOptions';
import { DatabaseConfig } from '../config/app-config';
import { DatabaseLogger, QueryTimeoutSubscriber } from './connection-deadlines';
import { ENTITIES } from './entities';

export function dataSourceOptions(db: DatabaseConfig): MysqlDataSourceOptions & DataSourceOptions {
  return {
    type: 'mysql',
    host: db.host,
    port: db.port,
    socketPath: db.socketPath,
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
    // Deadlines (see connection-deadlines.ts): a new connection, every statement, and (bindAcquireDeadline) the pool wait.
    connectTimeout: db.connectTimeoutMs,
    enableQueryTimeout: db.queryTimeoutMs !== undefined,
    maxQueryExecutionTime: db.queryTimeoutMs,
    subscribers: [QueryTimeoutSubscriber],
    extra: {
      connectionLimit: db.poolSize,
      enableKeepAlive: true,
      // A bounded queue of requests waiting for a connection: beyond it, 503 at once rather than a growing backlog.
      queueLimit: db.poolSize * 50,
    },
    // Failed queries surface as errors we handle or log with an error id; duplicate keys are expected in races.
    logging: false,
    logger: new DatabaseLogger(),
  };
}
