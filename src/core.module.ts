import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { DatabaseDeadlinesModule } from './database/database-deadlines.module';
import { TransactionsModule } from './database/transactions';
import { ConfigChangesModule } from './queue/config-changes';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './queue/redis.module';

/**
 * Which kind of process the core serves. The API answers tills within
 * seconds, so its statements have a short deadline; workers run set-based
 * statements over many members and get a longer one.
 */
export type ProcessRole = 'api' | 'worker';

const PROCESS_ROLE = Symbol('PROCESS_ROLE');

/** The role of the app being built, for the data source below (each Nest app in a process has its own). */
@Global()
@Module({})
class ProcessRoleModule {
  static of(role: ProcessRole): DynamicModule {
    return { module: ProcessRoleModule, providers: [{ provide: PROCESS_ROLE, useValue: role }], exports: [PROCESS_ROLE] };
  }
}

/**
 * One data source module for every app in the process: @nestjs/typeorm warns when a data source
 * name is registered twice, which `npm start` (API and workers in one process) would otherwise do.
 */
const DATABASE = TypeOrmModule.forRootAsync({
  inject: [AppConfig, PROCESS_ROLE],
  useFactory: (config: AppConfig, role: ProcessRole) =>
    dataSourceOptions(role === 'api' ? config.database : { ...config.database, queryTimeoutMs: config.workerQueryTimeoutMs }),
});

/** What the API and the worker root modules share: config, logging, database, Redis, queues. */
export function coreImports(role: ProcessRole) {
  return [
    ConfigModule,
    ProcessRoleModule.of(role),
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
    DATABASE,
    DatabaseDeadlinesModule,
    TransactionsModule,
    RedisModule,
    QueueModule,
    ConfigChangesModule,
  ];
}
