import { NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import compression from 'compression';
import cluster from 'node:cluster';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { COMPRESS_THRESHOLD_BYTES, securityHeaders } from './bootstrap';
import { toErrorBody } from './common/errors/all-exceptions.filter';
import {
  BATCH_BODY_LIMIT_BYTES,
  bodyReadError,
  csvOrJsonBody,
  IMPORT_BODY_LIMIT_BYTES,
  jsonBody,
  SINGLE_BODY_LIMIT_BYTES,
} from './common/http/json-body';
import { createValidationPipe } from './common/http/validation';
import { loadConfig } from './config/app-config';

type RawRequest = IncomingMessage & { body?: unknown };

/**
 * The API on Fastify (HTTP_ADAPTER=fastify), for the adapter measurement of issue 15: the POS path does what the
 * Express app does (the same body reader with its limits and decompression, helmet and the CSP/no-store headers,
 * compression of answers from 1 KiB, pino-http, guards, validation, the drain), on Fastify's router and reply.
 */
export async function createFastifyApiApp(options: NestApplicationOptions = {}): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy as boolean | string[],
    bodyLimit: IMPORT_BODY_LIMIT_BYTES,
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: true },
  });
  const instance = adapter.getInstance();
  // The same body reader as Express (json-body.ts), run on the raw request; the limit is chosen by route.
  const single = jsonBody(SINGLE_BODY_LIMIT_BYTES);
  const batch = jsonBody(BATCH_BODY_LIMIT_BYTES);
  const csvImport = csvOrJsonBody(IMPORT_BODY_LIMIT_BYTES);
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('*', (request, _payload, done) => {
    const raw = request.raw as RawRequest;
    const path = (raw.url ?? '').split('?')[0];
    const read = path === '/api/v1/pos/transactions/batch' ? batch : path === '/api/v1/admin/members/import' ? csvImport : single;
    read(raw as Request, undefined as unknown as Response, (err?: unknown) => {
      if (err) {
        done(err as Error, undefined);
        return;
      }
      done(null, raw.body);
    });
  });
  // What the guards, the rate limiter and the exception filter use of Express's request and response.
  instance.decorateRequest('path', {
    getter(this: { url: string }) {
      return this.url.split('?')[0];
    },
  });
  instance.decorateRequest('route', {
    getter(this: { routeOptions: { url?: string } }) {
      return { path: this.routeOptions.url };
    },
  });
  instance.decorateRequest('store', null);
  instance.decorateReply('setHeader', function (this: { header(n: string, v: string): void }, name: string, value: string) {
    this.header(name, value);
    return this;
  });
  instance.decorateReply('json', function (this: { type(t: string): { send(b: string): void } }, body: unknown) {
    this.type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
  instance.setErrorHandler((err, _request, reply) => {
    const errorBody = toErrorBody(bodyReadError(err) ?? err);
    void reply.status(errorBody.statusCode).type('application/json; charset=utf-8').send(JSON.stringify(errorBody));
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    bodyParser: false,
    ...options,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  const mw = (fn: (req: Request, res: Response, next: NextFunction) => void) =>
    fn as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  app.use(mw(compression({ threshold: COMPRESS_THRESHOLD_BYTES })));
  for (const handler of securityHeaders()) {
    app.use(mw(handler));
  }
  if (!cluster.isWorker) {
    app.enableShutdownHooks();
  }
  return app;
}
