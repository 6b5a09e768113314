import { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import compression from 'compression';
import cluster from 'node:cluster';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { BATCH_BODY_LIMIT_BYTES, csvOrJsonBody, IMPORT_BODY_LIMIT_BYTES, jsonBody, SINGLE_BODY_LIMIT_BYTES } from './common/http/json-body';
import { createValidationPipe } from './common/http/validation';
import { completeDocument } from './common/openapi/complete-document';
import { routeGuards } from './common/openapi/route-guards';
import { AppConfig } from './config/app-config';
import { hashedAssets } from './modules/web/web.module';

/** API answers from this size on are compressed (when the client accepts it); smaller ones, most POS answers, are sent as they are. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

export { configOrExit, loadDotEnv, migrateIfEnabled } from './boot';

/** Global pipes, body limits, OpenAPI: the same for the server and the end-to-end tests. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  // API answers of compressible types (JSON, CSV) from 1 KiB on, Brotli (quality 4) or gzip as the client accepts;
  // smaller ones, most POS answers, go out as they are. The pages' scripts and styles are compressed at build time
  // and sent as the browser accepts (hashedAssets, below): compression leaves an answer with a Content-Encoding alone.
  app.use(compression({ threshold: COMPRESS_THRESHOLD_BYTES }));
  // JSON bodies only, read before Nest's routes: the offline batch (500 receipts) may be a few MB, every other route a small limit.
  app.use('/api/v1/pos/transactions/batch', jsonBody(BATCH_BODY_LIMIT_BYTES));
  app.use('/api/v1/admin/members/import', csvOrJsonBody(IMPORT_BODY_LIMIT_BYTES));
  app.use(jsonBody(SINGLE_BODY_LIMIT_BYTES));
  const config = app.get(AppConfig);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  useSecurityHeaders(app);
  app.use('/web/assets', hashedAssets()); // after the security headers, which the pages' files get too
  if (!cluster.isWorker) {
    // An API process of a cluster (API_PROCESSES > 1) stops when its primary says so, once (src/api-cluster.ts).
    app.enableShutdownHooks();
  }
  if (config.docsEnabled) {
    setUpDocs(app);
  }
}

/**
 * helmet on every answer (nosniff, frames denied, ...). API answers get a CSP
 * that allows nothing; the Swagger UI on /docs needs inline styles and scripts.
 * Every answer that is not a page or the docs (console, portal and POS answers carry tokens and personal data) is
 * never stored by caches: decided without looking at the path's spelling, so /api/v1/PORTAL/... or a 404 is no-store too.
 */
function useSecurityHeaders(app: NestExpressApplication): void {
  app.use(helmet({ contentSecurityPolicy: false, frameguard: { action: 'deny' } }));
  const apiPolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  });
  const docsPolicy = helmet.contentSecurityPolicy({
    directives: {
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
    },
  });
  // The console and member page (vite builds): scripts only from files of this origin, never inline; antd and
  // antd-mobile set styles at run time (style attributes and <style> elements), so inline styles are allowed.
  // Pictures also from any https address: a reward's imageUrl is the marketer's CDN (a picture runs no script).
  const pagesPolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/docs' || req.path.startsWith('/docs/')) {
      docsPolicy(req, res, next);
      return;
    }
    if (isPagePath(req.path)) {
      pagesPolicy(req, res, next);
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    apiPolicy(req, res, next);
  });
}

/** The web pages' paths (src/modules/web): /console, /m and their assets under /web. */
function isPagePath(path: string): boolean {
  return ['/console', '/m', '/web'].some((root) => path === root || path.startsWith(`${root}/`));
}

/** /docs and /docs-json: on by default outside production; DOCS_ENABLED decides. */
function setUpDocs(app: NestExpressApplication): void {
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * The OpenAPI document of the app's routes (also written for the web client by web/scripts/openapi.ts), completed for
 * the linters that test/openapi-lint.e2e-spec.ts runs: every tag declared, public routes marked, a description each.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Loyalty platform API')
      .setDescription(
        'POS (store API key), admin console (JWT from /api/v1/admin/auth/login). Errors: { statusCode, code, message, details }. Money in integer cents, points in integers, times ISO 8601 with an offset.',
      )
      .setVersion('1')
      .setLicense('UNLICENSED: proprietary, no licence is granted', 'https://docs.npmjs.com/cli/v11/configuring-npm/package-json#license')
      .addServer('/', 'The host that serves this document')
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'opaque store API key (pos_…)',
          description:
            'Store API key: an opaque random string, not a JWT (do not decode it). One store per key; created by an admin and shown once; revoked keys get 401 at once. Send Authorization: Bearer <key>.',
        },
        'pos',
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Admin access token: the JWT from POST /api/v1/admin/auth/login',
        },
        'admin',
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Member access token (audience loyalty-portal): the JWT from POST /api/v1/portal/auth/login or /register. Reaches only that member; admin tokens are refused here and member tokens everywhere else.',
        },
        'member',
      )
      .build(),
  );
  return completeDocument(document, routeGuards(app));
}

/**
 * Express matches paths case-insensitively by default, while the rate limits, the body limits and the headers are
 * chosen by path: /api/v1/PORTAL/auth/login reached the sign-in route with none of them. Routes match exactly as
 * written, so an odd spelling (case, //, a trailing dot, %-encoded letters) is a 404; a trailing slash still reaches
 * its route, and the guards choose limits by the route that matched (routePath). Set before the adapter adds its
 * first middleware, which creates the router with these settings.
 */
function expressAdapter(): ExpressAdapter {
  const server = express();
  server.set('case sensitive routing', true);
  return new ExpressAdapter(server);
}

export async function createApiApp(options: NestApplicationOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, expressAdapter(), {
    bufferLogs: true,
    bodyParser: false,
    ...options,
  });
  configureApp(app);
  return app;
}

export type { INestApplication };
