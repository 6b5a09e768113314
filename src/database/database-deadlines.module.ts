import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { bindAcquireDeadline, bindDisconnectDeadline } from './connection-deadlines';

/** Bounds the wait for a pooled MySQL connection of the app's DataSource (DATABASE_ACQUIRE_TIMEOUT_MS) and its closing at shutdown. */
@Module({})
export class DatabaseDeadlinesModule implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { acquireTimeoutMs, connectTimeoutMs } = this.config.database;
    if (acquireTimeoutMs !== undefined) {
      bindAcquireDeadline(this.dataSource, acquireTimeoutMs);
    }
    bindDisconnectDeadline(this.dataSource, connectTimeoutMs ?? 2000);
  }
}
