import { DependencyTimeoutError, isDependencyUnavailable, ShuttingDownError } from './infra-errors';

describe('isDependencyUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connect timeout', withCode('ETIMEDOUT')],
    ['server went away', withCode('PROTOCOL_CONNECTION_LOST')],
    ['statement deadline', withCode('PROTOCOL_SEQUENCE_TIMEOUT')],
    ['too many connections', withCode('ER_CON_COUNT_ERROR')],
    ['our pool deadline', new DependencyTimeoutError('MySQL connection pool', 2000)],
    ['this process stopping', new ShuttingDownError('The posting queue')],
    ['ioredis closed connection', new Error('Connection is closed.')],
    ['ioredis command timeout', new Error('Command timed out')],
    ['ioredis offline', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    [
      'ioredis retries exhausted',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }),
    ],
    ['mysql2 closed connection', new Error("Can't add new command when connection is in closed state")],
    ['TypeORM wrapping a driver error', Object.assign(new Error('query failed'), { driverError: withCode('ECONNRESET') })],
    ['an error with a cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
  ])('recognises %s', (_name, err) => {
    expect(isDependencyUnavailable(err)).toBe(true);
  });

  it.each([
    ['a duplicate key', withCode('ER_DUP_ENTRY')],
    ['a syntax error', withCode('ER_PARSE_ERROR')],
    ['a programming error', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
  ])('does not take %s for an outage', (_name, err) => {
    expect(isDependencyUnavailable(err)).toBe(false);
  });
});
