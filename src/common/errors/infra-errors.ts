/**
 * Failures that mean "MySQL or Redis cannot be reached right now", as opposed
 * to a bug or a bad request. They become 503 SERVICE_UNAVAILABLE: the request
 * wrote nothing (a posting is one transaction) and is safe to resend with the
 * same number.
 */

/** Our own deadline: a pool acquire or a dependency call that took too long. */
export class DependencyTimeoutError extends Error {
  readonly code = 'DEPENDENCY_TIMEOUT';

  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'DependencyTimeoutError';
  }
}

/** The process is stopping and takes no new work; the caller resends to another instance or after the restart. */
export class ShuttingDownError extends Error {
  readonly code = 'SHUTTING_DOWN';

  constructor(what: string) {
    super(`${what} is shutting down`);
    this.name = 'ShuttingDownError';
  }
}

/** Socket, DNS and MySQL protocol codes of a lost or unreachable server. */
const UNAVAILABLE_CODES = new Set([
  'DEPENDENCY_TIMEOUT',
  'SHUTTING_DOWN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_NORMAL_SHUTDOWN',
  'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED',
]);

/** Driver errors that carry no code, recognised by their (stable) message. */
const UNAVAILABLE_MESSAGES = [
  // mysql2
  "Can't add new command when connection is in closed state",
  "Can't write in closed state",
  'Pool is closed.',
  'Queue limit reached.',
  'No connections available.',
  'Connection lost: The server closed the connection.',
  // ioredis
  'Connection is closed.',
  'Command timed out',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Reached the max retries per request limit',
];

/** Error classes (by name) of the drivers and TypeORM that mean the dependency is gone. */
const UNAVAILABLE_NAMES = new Set(['MaxRetriesPerRequestError', 'CannotExecuteNotConnectedError', 'DependencyTimeoutError']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** True when err (or what it wraps: TypeORM's driverError, a cause, an AggregateError's errors) says MySQL or Redis is unreachable. */
export function isDependencyUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) {
    return false;
  }
  const e = err as ErrorLike;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) {
    return true;
  }
  if (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) {
    return true;
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).startsWith(m))) {
    return true;
  }
  const nested = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return nested.some((inner) => inner !== err && isDependencyUnavailable(inner, depth + 1));
}

/** What the till shows: the outage is ours, nothing was recorded, resending the same number is safe. */
export const SERVICE_UNAVAILABLE_MESSAGE =
  'The points service cannot reach its database or cache right now and recorded nothing. Send the same request again with the same number in a moment.';
