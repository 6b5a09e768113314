import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { inTransaction } from './transaction';

/**
 * The unit of work for use cases and services: they open a transaction here
 * and hand its manager to each repository that writes in it. They never hold
 * the data source itself (SQL lives in repositories and read models).
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside any transaction: for a repository call that commits on its own. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** One transaction, not retried (the caller settles a duplicate key or a deadlock itself). */
  run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  /** One transaction, run again on a deadlock or lock wait timeout (see inTransaction). */
  retrying<T>(fn: (m: EntityManager) => Promise<T>, attempts?: number, isolation?: IsolationLevel): Promise<T> {
    return inTransaction(this.dataSource, fn, attempts, isolation);
  }
}

@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class TransactionsModule {}
