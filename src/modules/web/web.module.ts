import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The web pages' build (vite: web/ → dist/web), found from the package root whether this runs from src/ or dist/src/. */
export function webBuildDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) {
    dir = dirname(dir);
  }
  return join(dir, 'dist', 'web');
}

/** The pages' HTML is re-read on every visit; their scripts and styles have content hashes in their names. */
const noCache = { setHeaders: (res: Response) => res.setHeader('Cache-Control', 'no-cache') };

const root = webBuildDir();

/**
 * The pages' scripts, styles and images (mounted on /web/assets by configureApp), cached for good: their names carry
 * their hashes. express-static-gzip sends the Brotli (`.br`) or gzip (`.gz`) form the build wrote next to a file
 * (web/vite.config.mts), as the browser's Accept-Encoding asks (br first when it accepts both), with the file's own
 * Content-Type, `Content-Encoding` and `Vary: Accept-Encoding`; serve-static does the rest (length, ETag, ranges,
 * 304s, 404 for a missing file). The compressed forms are listed once, at start-up, from the build.
 */
export function hashedAssets(): RequestHandler {
  return expressStaticGzip(join(root, 'assets'), {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { immutable: true, maxAge: '365d', fallthrough: false },
  }) as RequestHandler;
}

/**
 * The console (/console) and the member page (/m): single-page apps whose unknown paths fall back to
 * their index.html; their scripts, styles and images live under /web/assets (hashedAssets). Nothing else is
 * served from here, so /api, /docs, /health, /metrics and /admin/queues stay the app's.
 */
@Module({
  imports: [
    ServeStaticModule.forRoot(
      { rootPath: join(root, 'console'), serveRoot: '/console', serveStaticOptions: noCache },
      { rootPath: join(root, 'm'), serveRoot: '/m', serveStaticOptions: noCache },
    ),
  ],
})
export class WebModule {}
