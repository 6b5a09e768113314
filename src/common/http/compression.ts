import type { NextFunction, Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** negotiator 1.1 takes the server's preference between encodings the client accepts equally (@types/negotiator 0.6 lacks it). */
type EncodingNegotiator = { encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined };

/**
 * The encoding to send, by the request's Accept-Encoding (negotiator: q-values, `*`, q=0 as a refusal): Brotli when the
 * client accepts it as much as gzip. null: send the answer as it is (no header, identity only, nothing on offer).
 */
export function negotiateEncoding(req: Pick<Request, 'headers'>): Encoding | null {
  const chosen = (new Negotiator(req) as unknown as EncodingNegotiator).encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** Answers worth compressing: JSON, text (CSV, HTML, ...), JavaScript, XML and SVG. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)\b|application\/[\w.+-]+\+(json|xml)\b|image\/svg\+xml\b)/i;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  // Brotli at quality 5: about gzip's speed on JSON with smaller output; quality 11 is for files compressed once at build.
  return encoding === 'br'
    ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipped(body, { level: 6 });
}

type End = (chunk?: unknown, encoding?: unknown, cb?: unknown) => Response;

/**
 * Compresses (Brotli or gzip, as the client accepts) an answer sent whole, in one `end` (res.json, res.send: every
 * API answer), when it is at least `thresholdBytes` long and of a compressible type. Smaller answers (most POS
 * answers) are sent at once, untouched. An answer written in parts (res.write: streams, server-sent events, files
 * from serve-static) is never held back or compressed here. Answers that already have a Content-Encoding or
 * `Cache-Control: no-transform` are left alone. Compression runs on libuv's thread pool, not the event loop.
 */
export function compressAnswers(thresholdBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = res.end.bind(res) as End;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    let streamed = false;
    res.write = ((...args: unknown[]) => {
      streamed = true;
      return write(...args);
    }) as Response['write'];
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      if (typeof chunk === 'function') {
        return end(chunk);
      }
      if (streamed || res.headersSent || chunk === undefined || chunk === null || req.method === 'HEAD') {
        return end(chunk, encoding, cb);
      }
      const type = String(res.getHeader('Content-Type') ?? '');
      const status = res.statusCode;
      if (
        !COMPRESSIBLE.test(type) ||
        res.getHeader('Content-Encoding') !== undefined ||
        /\bno-transform\b/i.test(String(res.getHeader('Cache-Control') ?? '')) ||
        status < 200 ||
        status === 204 ||
        status === 304
      ) {
        return end(chunk, encoding, cb);
      }
      res.vary('Accept-Encoding');
      const body = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      const chosen = body.length >= thresholdBytes ? negotiateEncoding(req) : null;
      if (chosen === null) {
        return end(chunk, encoding, cb);
      }
      compress(body, chosen).then(
        (out) => {
          if (res.headersSent) {
            end(body, cb);
            return;
          }
          res.setHeader('Content-Encoding', chosen);
          res.setHeader('Content-Length', out.length);
          const etag = res.getHeader('ETag');
          if (typeof etag === 'string' && !etag.startsWith('W/')) {
            res.setHeader('ETag', `W/${etag}`); // the compressed bytes are not the ones the strong tag names
          }
          end(out, cb);
        },
        () => end(body, cb),
      );
      return res;
    }) as Response['end'];
    next();
  };
}
