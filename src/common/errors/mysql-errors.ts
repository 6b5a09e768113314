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
