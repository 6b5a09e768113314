import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import type { DestinationStream, LogFn, Logger as PinoLogger } from 'pino';
import { AppConfig } from '../config/app-config';
import { cleanText, describeError, sanitizeForLog } from './log-sanitizer';

/** Nest's own start-up chatter: logged at debug, so info shows only what an operator needs. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Probes and scrapes: frequent and uninteresting, so no request line for them. */
const QUIET_PATHS = /^\/(health(\/live|\/ready)?|metrics)(\?|$)/;

/** Listen errors that src/common/startup.ts turns into one sentence and exit code 1 (`bind` in an API process of a cluster). */
const LISTEN_ERROR_REPORTED = /^Error: (listen|bind) (EADDRINUSE|EACCES)\b/;

let destinationOverride: DestinationStream | undefined;

/** Tests read the logs of an app they start: the next app built logs to this stream (undefined: stdout). */
export function setLogDestination(stream: DestinationStream | undefined): void {
  destinationOverride = stream;
}

function contextOf(args: unknown[]): unknown {
  const first = args[0];
  return first && typeof first === 'object' ? (first as { context?: unknown }).context : undefined;
}

/** Every argument of every log call is cleaned; the raw req/res of pino-http go to their serializers. */
function sanitizeArgs(args: unknown[]): unknown[] {
  return args.map((arg) => {
    if (arg && typeof arg === 'object' && !(arg instanceof Error) && ('req' in arg || 'res' in arg)) {
      const { req, res, ...rest } = arg as Record<string, unknown>;
      const cleaned = sanitizeForLog(rest) as Record<string, unknown>;
      return { ...cleaned, ...(req !== undefined ? { req } : {}), ...(res !== undefined ? { res } : {}) };
    }
    return sanitizeForLog(arg);
  });
}

/**
 * Structured JSON logs: one line per request with its id (X-Request-Id is
 * honoured and echoed back), no bodies, no credentials; phones, emails, names
 * and card numbers are masked wherever they appear (URLs, errors, SQL).
 */
export function loggerParams(config: AppConfig): Params {
  const options = {
    level: config.logLevel,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // A request line is an info line: above info, pino-http does no per-request work at all.
    autoLogging: ['info', 'debug', 'trace'].includes(config.logLevel)
      ? { ignore: (req: IncomingMessage) => QUIET_PATHS.test(req.url ?? '') }
      : false,
    // Our serializers take the raw values: pino-http 11 would first pass an error through pino's own
    // serializer, which renames an already described error's type to 'Object' and drops its code.
    wrapSerializers: false,
    serializers: {
      req: (req: { id: string; method: string; url: string; originalUrl?: string }) => ({
        id: req.id,
        method: req.method,
        url: cleanText(req.originalUrl ?? req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: unknown) => (err && typeof err === 'object' && 'type' in err && !(err instanceof Error) ? err : describeError(err)),
    },
    hooks: {
      logMethod(this: PinoLogger, args: Parameters<LogFn>, method: LogFn, level: number): void {
        if (level === 50 && contextOf(args) === 'NestApplication' && LISTEN_ERROR_REPORTED.test(String(args[1]))) {
          return; // Nest 12 logs the listen error itself; exitOnListenError reports it as one sentence naming PORT
        }
        if (level === 30 && FRAMEWORK_CONTEXTS.has(contextOf(args) as string)) {
          if (this.isLevelEnabled('debug')) {
            this.debug(...args);
          }
          return;
        }
        method.apply(this, sanitizeArgs(args) as Parameters<LogFn>);
      },
    },
  };
  return { pinoHttp: destinationOverride ? [options, destinationOverride] : options };
}
