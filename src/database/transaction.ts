import { DataSource, EntityManager } from 'typeorm';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isRetryableTxError } from '../common/errors/mysql-errors';

/**
 * Runs fn in one transaction; a deadlock or lock wait timeout rolls it back
 * and runs it again (it is all or nothing, so a retry is safe).
 * A lost or silent database is not retried here: every statement has a
 * deadline (DATABASE_QUERY_TIMEOUT_MS), and a statement that misses it has its
 * connection destroyed (connection-deadlines.ts), so the transaction can never
 * be committed later; the error reaches the client as 503 and the till resends.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  fn: (manager: EntityManager) => Promise<T>,
  attempts = 4,
  isolation?: IsolationLevel,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (isolation ? dataSource.transaction(isolation, fn) : dataSource.transaction(fn));
    } catch (err) {
      if (attempt >= attempts || !isRetryableTxError(err)) {
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

/** mysql2's answer to INSERT/UPDATE through EntityManager.query. */
export interface WriteResult {
  insertId: number;
  affectedRows: number;
}
