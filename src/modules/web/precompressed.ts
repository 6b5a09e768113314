import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { negotiateEncoding, type Encoding } from '../../common/http/compression';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Mounted before the static files of `root` (the built pages' hashed assets): when the browser accepts Brotli or gzip
 * and the build wrote that form of the file (web/vite.config.mts, precompress), the request is pointed at the `.br`
 * or `.gz` file, with the original file's Content-Type and `Content-Encoding` set; serve-static then sends it
 * (length, ETag and Last-Modified of the compressed file, ranges, 304s). Every answer says `Vary: Accept-Encoding`.
 * Whether a compressed form exists is remembered per file: the files are immutable (their names carry their hashes).
 */
export function precompressedFiles(root: string): RequestHandler {
  const exists = new Map<string, boolean>();
  const has = (path: string) => {
    let found = exists.get(path);
    if (found === undefined) {
      found = existsSync(path);
      exists.set(path, found);
    }
    return found;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    res.vary('Accept-Encoding');
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(req.path));
    } catch {
      next(); // serve-static answers a malformed path
      return;
    }
    if (relative.split(sep).includes('..') || extname(relative) === '') {
      next();
      return;
    }
    const file = join(root, relative);
    const available = (['br', 'gzip'] as const).filter((encoding) => has(file + SUFFIX[encoding]));
    const chosen = negotiateEncoding(req.headers['accept-encoding'], available);
    if (chosen === null) {
      next();
      return;
    }
    res.type(extname(relative));
    res.setHeader('Content-Encoding', chosen);
    const query = req.url.indexOf('?');
    req.url = query === -1 ? req.url + SUFFIX[chosen] : req.url.slice(0, query) + SUFFIX[chosen] + req.url.slice(query);
    next();
  };
}
