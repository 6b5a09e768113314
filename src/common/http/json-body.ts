import { json, text, NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { fieldPath, validationFailed } from './validation';

/**
 * Single-item routes: a purchase of 500 lines with 64-character sku and
 * category (the column limits) is about 100 KB of compact JSON; realistic
 * receipts are far smaller.
 */
export const SINGLE_BODY_LIMIT_BYTES = 128 * 1024;
/** The offline batch: up to 500 receipts. */
export const BATCH_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** A CSV member import: 200,000 rows of about 100 bytes, as text/csv or JSON { csv }. */
export const IMPORT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;
/** No request needs more than 5 levels ({ transactions: [ { lines: [ { … } ] } ] }); deeper is hostile. */
export const MAX_JSON_DEPTH = 16;
/** Keys that name prototype machinery: refused anywhere in a body, never silently dropped. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const SUPPORTED_ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);
const MAX_REPORTED_PATH = 200;
const PARSED = Symbol('jsonBodyParsed');

/** Raised from body-parser's verify step; body-parser passes it on with its `type`. */
class TooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
  constructor(readonly field: string) {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

function truncatePath(path: string): string {
  return path.length > MAX_REPORTED_PATH ? `${path.slice(0, MAX_REPORTED_PATH)}…` : path;
}

function decodeKey(raw: string): string {
  try {
    const key: unknown = JSON.parse(raw);
    return typeof key === 'string' ? key : raw;
  } catch {
    return raw;
  }
}

/**
 * Scans raw JSON for nesting deeper than maxDepth without building it, and
 * returns the path of the first container past the limit (or null). One pass
 * over the bytes, stopping at the limit: a 10,000-level body costs microseconds
 * and never reaches class-transformer's recursion. Malformed JSON is left to
 * JSON.parse.
 */
export function findTooDeep(buf: Buffer, maxDepth: number = MAX_JSON_DEPTH): string | null {
  // One frame per open container: is it an array, its current index, the raw span of its current key.
  const isArray: boolean[] = [];
  const index: number[] = [];
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  const expectKey: boolean[] = [];
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let stringIsKey = false;
  for (let i = 0; i < buf.length; i += 1) {
    const b = buf[i];
    if (inString) {
      if (b === 0x5c) {
        i += 1;
      } else if (b === 0x22) {
        inString = false;
        if (stringIsKey) {
          keyStart[depth - 1] = stringStart;
          keyEnd[depth - 1] = i + 1;
        }
      }
      continue;
    }
    switch (b) {
      case 0x22: // "
        inString = true;
        stringStart = i;
        stringIsKey = depth > 0 && !isArray[depth - 1] && expectKey[depth - 1];
        break;
      case 0x7b: // {
      case 0x5b: // [
        if (depth >= maxDepth) {
          return truncatePath(pathOf(buf, depth, isArray, index, keyStart, keyEnd));
        }
        isArray[depth] = b === 0x5b;
        index[depth] = 0;
        keyStart[depth] = -1;
        keyEnd[depth] = -1;
        expectKey[depth] = b === 0x7b;
        depth += 1;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        depth = Math.max(0, depth - 1);
        break;
      case 0x3a: // :
        if (depth > 0) {
          expectKey[depth - 1] = false;
        }
        break;
      case 0x2c: // ,
        if (depth > 0) {
          index[depth - 1] += 1;
          expectKey[depth - 1] = !isArray[depth - 1];
        }
        break;
      default:
        break;
    }
  }
  return null;
}

function pathOf(buf: Buffer, depth: number, isArray: boolean[], index: number[], keyStart: number[], keyEnd: number[]): string {
  let path = '';
  for (let d = 0; d < depth; d += 1) {
    if (isArray[d]) {
      path = fieldPath(path || 'body', String(index[d]), true);
    } else if (keyStart[d] >= 0) {
      path = fieldPath(path, decodeKey(buf.toString('utf8', keyStart[d], keyEnd[d])), false);
    }
  }
  return path || 'body';
}

/** The path of the first __proto__, constructor or prototype key in a parsed body, or null. Depth is already bounded. */
export function findForbiddenKey(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') {
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findForbiddenKey(value[i], fieldPath(path || 'body', String(i), true));
      if (found) {
        return found;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const child = fieldPath(path, key, false);
    if (FORBIDDEN_KEYS.has(key)) {
      return child;
    }
    const found = findForbiddenKey((value as Record<string, unknown>)[key], child);
    if (found) {
      return found;
    }
  }
  return null;
}

/**
 * The error a client gets for a body that could not be read; null when the
 * value is not one of body-parser's (or our reading step's) errors.
 */
export function bodyReadError(err: unknown): DomainError | null {
  if (err instanceof DomainError) {
    return err;
  }
  if (!err || typeof err !== 'object') {
    return null;
  }
  const e = err as {
    type?: unknown;
    status?: unknown;
    code?: unknown;
    errno?: unknown;
    limit?: unknown;
    encoding?: unknown;
    charset?: unknown;
    field?: unknown;
  };
  if (e.type === 'entity.too.deep' && typeof e.field === 'string') {
    return validationFailed([{ field: e.field, message: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
  }
  if (e.type === 'entity.parse.failed') {
    return new DomainError(ErrorCode.VALIDATION_FAILED, 'The request body is not valid JSON.', [
      { field: 'body', message: 'malformed JSON' },
    ]);
  }
  if (e.type === 'entity.too.large') {
    const limit = typeof e.limit === 'number' ? ` (at most ${e.limit} bytes, after decompression)` : '';
    return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `The request body is too large${limit}.`, [
      { field: 'body', message: `too large${limit}` },
    ]);
  }
  if (e.type === 'encoding.unsupported') {
    return unsupportedEncoding(String(e.encoding ?? 'unknown'));
  }
  if (e.type === 'charset.unsupported') {
    return unsupportedCharset(String(e.charset ?? 'unknown'));
  }
  // zlib's errors (Z_DATA_ERROR, ERR__ERROR_FORMAT_PADDING_2, …) arrive wrapped as a 400 without a type.
  const zlibError =
    typeof e.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.errno === 'number' && typeof e.code === 'string';
  if (zlibError) {
    return new DomainError(ErrorCode.VALIDATION_FAILED, 'The request body could not be decompressed; check its Content-Encoding.', [
      { field: 'body', message: 'corrupt compressed body' },
    ]);
  }
  if (typeof e.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return new DomainError(ErrorCode.VALIDATION_FAILED, `The request body could not be read (${e.type}).`, [
      { field: 'body', message: e.type },
    ]);
  }
  return null;
}

function unsupportedEncoding(encoding: string): DomainError {
  return new DomainError(
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `Content-Encoding ${encoding} is not supported; send the body plain or as gzip, deflate or br.`,
    [{ field: 'Content-Encoding', message: `${encoding} is not supported` }],
  );
}

function unsupportedCharset(charset: string): DomainError {
  return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `Charset ${charset} is not supported; send UTF-8 JSON.`, [
    { field: 'Content-Type', message: `charset ${charset} is not supported` },
  ]);
}

/** A request carries a body unless it says Content-Length: 0 or gives neither length nor chunked encoding. */
function declaresBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) {
    return true;
  }
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) !== 0;
}

/** The media type check: application/json, UTF-8 or no charset. */
function contentTypeError(contentType: string | undefined): DomainError | null {
  const [mediaType, ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (mediaType !== 'application/json') {
    const given = mediaType ? `Content-Type ${mediaType}` : 'A body without a Content-Type';
    return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `${given} is not accepted; send the body as application/json.`, [
      { field: 'Content-Type', message: 'must be application/json' },
    ]);
  }
  for (const param of params) {
    const [name, rawValue = ''] = param.split('=').map((p) => p.trim());
    const value = rawValue.replace(/^"|"$/g, '');
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8') {
      return unsupportedCharset(value);
    }
  }
  return null;
}

/**
 * Reads a JSON body within limitBytes (measured after decompression) and
 * turns every failure into the API's error body: only application/json in
 * UTF-8 (415 otherwise; an empty body of any type passes, for routes that
 * take none), identity/gzip/deflate/br (415 otherwise, 400 when corrupt),
 * 413 above the limit, 400 for malformed or too deeply nested JSON and for
 * __proto__/constructor/prototype keys. A request parsed by an earlier
 * instance (a route with its own limit) is passed through.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  const parse = json({
    limit: limitBytes,
    type: () => true,
    verify: (_req, _res, buf) => {
      const tooDeep = findTooDeep(buf);
      if (tooDeep !== null) {
        throw new TooDeepError(tooDeep);
      }
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const marked = req as Request & { [PARSED]?: boolean };
    if (marked[PARSED] || !declaresBody(req)) {
      next();
      return;
    }
    marked[PARSED] = true;
    const typeError = contentTypeError(req.headers['content-type']);
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const refused = typeError ?? (SUPPORTED_ENCODINGS.has(encoding) ? null : unsupportedEncoding(encoding));
    if (refused) {
      // Drain the unread body so the connection stays usable; nothing of it is kept.
      req.resume();
      next(refused);
      return;
    }
    parse(req, res, (err?: unknown) => {
      if (err) {
        next(bodyReadError(err) ?? err);
        return;
      }
      const forbidden = findForbiddenKey(req.body);
      if (forbidden !== null) {
        const key = [...FORBIDDEN_KEYS].find((k) => forbidden.endsWith(k)) ?? forbidden;
        next(validationFailed([{ field: forbidden, message: `property ${key} should not exist` }]));
        return;
      }
      next();
    });
  };
}

/**
 * A route that takes a CSV file: text/csv (UTF-8) is read within limitBytes
 * and handed on as { csv }; anything else goes to the JSON reader with the
 * same limit (JSON { csv } is accepted too).
 */
export function csvOrJsonBody(limitBytes: number): RequestHandler {
  const readText = text({ limit: limitBytes, type: () => true, defaultCharset: 'utf-8' });
  const readJson = jsonBody(limitBytes);
  return (req: Request, res: Response, next: NextFunction) => {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'text/csv' || !declaresBody(req)) {
      readJson(req, res, next);
      return;
    }
    (req as Request & { [PARSED]?: boolean })[PARSED] = true;
    readText(req, res, (err?: unknown) => {
      if (err) {
        next(bodyReadError(err) ?? err);
        return;
      }
      req.body = { csv: typeof req.body === 'string' ? req.body : '' };
      next();
    });
  };
}
