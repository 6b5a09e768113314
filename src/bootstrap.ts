import { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { BATCH_BODY_LIMIT_BYTES, jsonBody, SINGLE_BODY_LIMIT_BYTES } from './common/http/json-body';
import { createValidationPipe } from './common/http/validation';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { runMigrations } from './database/migrate';

/** Loads the configuration or stops the process with a message naming the bad variables. */
export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee config/.env.example for every variable and its default.\n`);
      process.exit(78);
    }
    throw err;
  }
}

/** Loads ./.env when present (Node's own loader); real environment variables win. */
export function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env: the environment alone configures the service
  }
}

export async function migrateIfEnabled(config: AppConfig): Promise<void> {
  if (config.runMigrations) {
    const applied = await runMigrations(config.database);
    if (applied.length > 0) {
      process.stdout.write(`${JSON.stringify({ level: 30, msg: 'migrations applied', migrations: applied })}\n`);
    }
  }
}

/** Global pipes, body limits, OpenAPI: the same for the server and the end-to-end tests. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  // JSON bodies only, read before Nest's routes: the offline batch (500 receipts) may be a few MB, every other route a small limit.
  app.use('/api/v1/pos/transactions/batch', jsonBody(BATCH_BODY_LIMIT_BYTES));
  app.use(jsonBody(SINGLE_BODY_LIMIT_BYTES));
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Loyalty platform API')
      .setDescription(
        'POS (store API key), admin console (JWT from /api/v1/admin/auth/login). Errors: { statusCode, code, message, details }. Money in integer cents, points in integers, times ISO 8601 with an offset.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Store API key' }, 'pos')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Admin access token' }, 'admin')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

export async function createApiApp(options: NestApplicationOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false, ...options });
  configureApp(app);
  return app;
}

export type { INestApplication };
