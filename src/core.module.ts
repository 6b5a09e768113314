import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { DatabaseDeadlinesModule } from './database/database-deadlines.module';
import { ConfigChangesModule } from './queue/config-changes';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './queue/redis.module';

/**
 * Which kind of process the core serves. The API answers tills within
 * seconds, so its statements have a short deadline; workers run set-based
 * statements over many members and get a longer one.
 */
export type ProcessRole = 'api' | 'worker';

/** What the API and the worker root modules share: config, logging, database, Redis, queues. */
export function coreImports(role: ProcessRole) {
  return [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams }),
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(role === 'api' ? config.database : { ...config.database, queryTimeoutMs: config.workerQueryTimeoutMs }),
    }),
    DatabaseDeadlinesModule,
    RedisModule,
    QueueModule,
    ConfigChangesModule,
  ];
}
