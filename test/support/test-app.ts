import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../src/bootstrap';
import { setLogDestination } from '../../src/common/logging';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * nestjs-pino 5 builds one pino logger per process, the first time an app asks for one, and every later
 * app shares it. Each test app brings its own level and destination (logTo), so the logger is built anew
 * for it, with the reset nestjs-pino has for tests (not in its package exports, hence the file path).
 */
function resetPinoRootLogger(): void {
  const load = createRequire(__filename);
  const pinoLogger = load(join(dirname(load.resolve('nestjs-pino')), 'PinoLogger.js')) as { __resetOutOfContextForTests(): void };
  pinoLogger.__resetOutOfContextForTests();
}

/** The real API (same module, pipes, filters and guards as production) on the run's database and Redis prefix. */
export async function startTestApp(
  envOverrides: Record<string, string> = {},
  options: { logTo?: DestinationStream } = {},
): Promise<TestApp> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(envOverrides)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    // With logTo, the app's logs go to that stream (set LOG_LEVEL in envOverrides to see them).
    setLogDestination(options.logTo);
    resetPinoRootLogger();
    const app = await createApiApp({ logger: false });
    await app.init();
    // listen() would flush the logs buffered during start-up; the tests do not listen.
    app.flushLogs();
    return {
      app,
      http: request(app.getHttpServer()),
      db: app.get(DataSource),
      close: () => app.close(),
    };
  } finally {
    setLogDestination(undefined);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = v;
      }
    }
  }
}
