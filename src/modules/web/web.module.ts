import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
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
 * The console (/console) and the member page (/m): single-page apps whose unknown paths fall back to
 * their index.html; their scripts, styles and images live under /web/assets. Nothing else is served
 * from here, so /api, /docs, /health, /metrics and /admin/queues stay the app's.
 */
@Module({
  imports: [
    ServeStaticModule.forRoot(
      {
        rootPath: join(root, 'assets'),
        serveRoot: '/web/assets',
        serveStaticOptions: { immutable: true, maxAge: '365d', fallthrough: false },
      },
      { rootPath: join(root, 'console'), serveRoot: '/console', serveStaticOptions: noCache },
      { rootPath: join(root, 'm'), serveRoot: '/m', serveStaticOptions: noCache },
    ),
  ],
})
export class WebModule {}
