/** Narrow helpers over mysql2 driver errors (TypeORM wraps them in QueryFailedError). */
interface DriverError {
  code?: string;
  errno?: number;
  driverError?: { code?: string; errno?: number; sqlMessage?: string };
  sqlMessage?: string;
}

function codeOf(err: unknown): string | undefined {
  const e = err as DriverError;
  return e?.driverError?.code ?? e?.code;
}

export function isDuplicateKey(err: unknown, keyName?: string): boolean {
  if (codeOf(err) !== 'ER_DUP_ENTRY') {
    return false;
  }
  if (!keyName) {
    return true;
  }
  const e = err as DriverError;
  const msg = e?.driverError?.sqlMessage ?? e?.sqlMessage ?? String((err as Error).message);
  return msg.includes(keyName);
}

/** Deadlock or lock wait timeout: the whole transaction can be retried. */
export function isRetryableTxError(err: unknown): boolean {
  const c = codeOf(err);
  return c === 'ER_LOCK_DEADLOCK' || c === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * A failure of the database itself rather than of one request's data (no
 * connection, a lost connection, a timeout): retrying items one by one
 * would only multiply the wait.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const c = codeOf(err);
  if (c === undefined) {
    return false;
  }
  return (
    c === 'ECONNREFUSED' ||
    c === 'ECONNRESET' ||
    c === 'ETIMEDOUT' ||
    c === 'EPIPE' ||
    c === 'PROTOCOL_CONNECTION_LOST' ||
    c === 'PROTOCOL_SEQUENCE_TIMEOUT' ||
    c === 'ER_CON_COUNT_ERROR' ||
    c.startsWith('PROTOCOL_')
  );
}
