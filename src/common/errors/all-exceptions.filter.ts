import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { bodyReadError } from '../http/json-body';
import { describeError } from '../log-sanitizer';
import { DomainError, ErrorBody } from './domain-error';
import { ErrorCode, httpStatusFor } from './error-code';
import { RetryLaterError } from './retry-later.error';
import { isDependencyUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from './infra-errors';

/** Maps any thrown value to the one error body of the API. */
export function toErrorBody(exception: unknown, logger?: Logger): ErrorBody {
  if (exception instanceof DomainError) {
    return exception.toBody();
  }
  if (exception instanceof ThrottlerException) {
    return body(ErrorCode.RATE_LIMITED, 'Too many requests. Wait a moment and try again.');
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) {
      return body(ErrorCode.NOT_FOUND, 'No such route. Check the method and the path against /docs.');
    }
    if (status === 413) {
      return body(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large.');
    }
    if (status === 401) {
      return body(ErrorCode.UNAUTHENTICATED, 'Authentication is required.');
    }
    if (status === 503) {
      // Terminus' health check: one detail per dependency that is down.
      const response = exception.getResponse() as { error?: Record<string, { message?: unknown } | undefined> };
      const details = Object.entries(response?.error ?? {}).map(([field, v]) => ({
        field,
        message: typeof v?.message === 'string' ? v.message : 'down',
      }));
      return body(ErrorCode.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE, details);
    }
    if (status === 403) {
      return body(ErrorCode.FORBIDDEN, 'This credential may not do this.');
    }
    if (status >= 400 && status < 500) {
      // Nest's own 400s: malformed JSON from the body parser, failed parameter pipes.
      return body(ErrorCode.VALIDATION_FAILED, `The request could not be read: ${exception.message}.`, [
        { field: exception.message.includes('JSON') ? 'body' : 'request', message: exception.message },
      ]);
    }
  }
  // body-parser errors: malformed JSON, too large, too deep, corrupt compression, wrong charset or encoding
  const bodyError = bodyReadError(exception);
  if (bodyError) {
    return bodyError.toBody();
  }
  if (isDependencyUnavailable(exception)) {
    // An outage, not a bug: logged as a warning, answered in the contract's shape, safe to resend.
    const e = exception as { name?: string; code?: string; message?: string };
    // Name, code and message only: a failed query's parameters may hold personal data.
    logger?.warn({ err: { name: e.name, code: e.code, message: e.message } }, 'dependency unavailable');
    return body(ErrorCode.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE);
  }
  const errorId = randomUUID();
  // Cleaned: type, message, code and stack frames; never query parameters or SQL with values.
  logger?.error({ errorId, err: describeError(exception) }, 'unhandled error');
  return body(ErrorCode.INTERNAL_ERROR, `Something went wrong on our side. Error id ${errorId}.`);
}

function body(code: ErrorCode, message: string, details: ErrorBody['details'] = []): ErrorBody {
  return { statusCode: httpStatusFor(code), code, message, details };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const errorBody = toErrorBody(exception, this.logger);
    if (exception instanceof RetryLaterError) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    } else if (errorBody.code === ErrorCode.RATE_LIMITED) {
      res.setHeader('Retry-After', '1');
    }
    if (errorBody.code === ErrorCode.SERVICE_UNAVAILABLE) {
      res.setHeader('Retry-After', '5');
    }
    res.status(errorBody.statusCode).json(errorBody);
  }
}
