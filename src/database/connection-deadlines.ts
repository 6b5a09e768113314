import { Logger } from '@nestjs/common';
import { AdvancedConsoleLogger, DataSource, EntitySubscriberInterface, EventSubscriber } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { DependencyTimeoutError } from '../common/errors/infra-errors';

/**
 * Deadlines on every way a request can wait for MySQL, so that a database
 * that refuses or goes silent becomes a 503 within seconds instead of a hang.
 *
 * - connect: mysql2's connectTimeout (data-source-options.ts).
 * - statement: TypeORM passes maxQueryExecutionTime to mysql2 as the query's
 *   `timeout` (enableQueryTimeout). mysql2 then fails the query with
 *   PROTOCOL_SEQUENCE_TIMEOUT but leaves the connection waiting for the
 *   answer: put back in the pool it would hang every later query. The
 *   subscriber below destroys it first, which also means an open transaction
 *   on it can never be committed: the server rolls it back when the socket
 *   closes.
 * - acquire: mysql2 has no acquireTimeout (sidorares/node-mysql2#673); a
 *   request waiting for a pooled connection behind stuck ones would wait
 *   without end. bindAcquireDeadline() bounds the wait and hands a connection
 *   that arrives too late straight back to the pool.
 */

interface PooledConnection {
  release(): void;
  destroy(): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
  stream?: { destroy?: () => void };
}

const guarded = new WeakSet<object>();

/**
 * mysql2 pool connections remove themselves from the pool on their first
 * 'error' with a once() listener, so a second 'error' (a write after a fatal
 * error) would be unhandled and crash the process. TypeORM only adds its
 * own listener when there is none. A permanent no-op listener closes that gap.
 */
function guardErrors(conn: PooledConnection): void {
  if (!guarded.has(conn)) {
    guarded.add(conn);
    conn.on('error', () => undefined);
  }
}

/** Drops a connection that stopped answering: out of the pool, socket closed at once (not a polite FIN and wait). */
export function destroyConnection(conn: unknown): void {
  const c = conn as PooledConnection | undefined;
  if (!c || typeof c.destroy !== 'function') {
    return;
  }
  guardErrors(c);
  c.destroy();
  c.stream?.destroy?.();
}

@EventSubscriber()
export class QueryTimeoutSubscriber implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    const err = event.error as { code?: string; driverError?: { code?: string } } | undefined;
    const code = err?.code ?? err?.driverError?.code;
    if (!event.success && code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
      destroyConnection((event.queryRunner as unknown as { databaseConnection?: unknown }).databaseConnection);
    }
  }
}

/**
 * TypeORM prints every statement slower than maxQueryExecutionTime to the
 * console whatever the logging option, with its parameters (personal data).
 * With the deadline those are the statements that timed out: one warning
 * line without parameters through the app's logger instead.
 */
export class DatabaseLogger extends AdvancedConsoleLogger {
  private readonly logger = new Logger('Database');

  constructor() {
    super(false);
  }

  override logQuerySlow(time: number, query: string): void {
    this.logger.warn(`statement ran ${time} ms (deadline): ${query.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}

interface DriverWithPool {
  obtainMasterConnection(): Promise<PooledConnection>;
}

/** Bounds the wait for a pooled MySQL connection (see above). Call once per DataSource, before or after initialize(). */
export function bindAcquireDeadline(dataSource: DataSource, timeoutMs: number): void {
  const driver = dataSource.driver as unknown as DriverWithPool;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () =>
    new Promise<PooledConnection>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new DependencyTimeoutError('MySQL connection pool', timeoutMs));
      }, timeoutMs);
      obtain().then(
        (conn) => {
          guardErrors(conn);
          if (settled) {
            conn.release();
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve(conn);
        },
        (err: unknown) => {
          if (!settled) {
            settled = true;
            clearTimeout(timer);
            // The driver's own error object (not always an Error instance): its code says it is an outage.
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            reject(err);
          }
        },
      );
    });
}

interface DriverWithDisconnect {
  disconnect(): Promise<void>;
  pool?: { _allConnections?: { length: number; get(i: number): unknown } };
}

/**
 * Closing the pool sends QUIT on every connection and waits for the server to
 * hang up; a silent server never does. After timeoutMs the sockets are
 * destroyed, so that shutdown (DataSource.destroy) always finishes.
 */
export function bindDisconnectDeadline(dataSource: DataSource, timeoutMs: number): void {
  const driver = dataSource.driver as unknown as DriverWithDisconnect;
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    const connections = driver.pool?._allConnections;
    const open = connections ? Array.from({ length: connections.length }, (_, i) => connections.get(i)) : [];
    let timer: NodeJS.Timeout | undefined;
    const closed = disconnect().then(
      () => true,
      () => true,
    );
    const inTime = await Promise.race([closed, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))]);
    clearTimeout(timer);
    if (!inTime) {
      for (const conn of open) {
        guardErrors(conn as PooledConnection);
        (conn as PooledConnection).stream?.destroy?.();
      }
    }
  };
}
