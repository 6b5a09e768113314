import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

const LOCK_NAME = 'loyalty_migrations';
const LOCK_TIMEOUT_SECONDS = 120;

/** Creates the database if it does not exist (utf8mb4). */
export async function ensureDatabase(db: DatabaseConfig): Promise<void> {
  const conn = await createConnection({ host: db.host, port: db.port, socketPath: db.socketPath, user: db.user, password: db.password });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

/**
 * Applies pending migrations under a MySQL named lock, so that several API and
 * worker processes starting together apply each migration exactly once. The
 * lock is held on a connection of its own for the duration.
 * Returns the names of the migrations applied.
 */
export async function runMigrations(db: DatabaseConfig): Promise<string[]> {
  await ensureDatabase(db);
  const lockConn = await createConnection({
    host: db.host,
    port: db.port,
    socketPath: db.socketPath,
    user: db.user,
    password: db.password,
    database: db.database,
  });
  try {
    const [rows] = await lockConn.query('SELECT GET_LOCK(?, ?) AS got', [LOCK_NAME, LOCK_TIMEOUT_SECONDS]);
    const got = (rows as Array<{ got: number | string | null }>)[0]?.got;
    if (Number(got) !== 1) {
      throw new Error(`Could not take the migration lock "${LOCK_NAME}" within ${LOCK_TIMEOUT_SECONDS}s`);
    }
    // No statement deadline: a migration may legitimately run for minutes.
    const dataSource = new DataSource({ ...dataSourceOptions(db), poolSize: 2, extra: { connectionLimit: 2 }, enableQueryTimeout: false });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
      await lockConn.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await lockConn.end();
  }
}
