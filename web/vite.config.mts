import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Next to each emitted script, style and page, its Brotli (`.br`, quality 11) and gzip (`.gz`,
 * level 9) forms, made once at build time with Node's zlib; src/modules/web sends the one the browser accepts.
 * A form is kept only when it is smaller than the file.
 */
export function precompress(): Plugin {
  return {
    name: 'loyalty:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      // Not the manifest (.vite/, read by web/scripts/check-budgets.ts, never served).
      const files = Object.keys(bundle).filter((name) => !name.startsWith('.vite/') && /\.(js|mjs|css|html|svg|json)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(dir, name);
          const raw = await readFile(path);
          const [br, gz] = await Promise.all([
            brotli(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
            gzipped(raw, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([
            br.length < raw.length ? writeFile(`${path}.br`, br) : undefined,
            gz.length < raw.length ? writeFile(`${path}.gz`, gz) : undefined,
          ]);
        }),
      );
    },
  };
}

/** Libraries both pages start with (React, TanStack Query, openapi-fetch and the small helpers antd and antd-mobile share). */
const SHARED_VENDOR =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|@tanstack[\\/][^\\/]+|openapi-fetch|classnames|@babel[\\/]runtime|react-is|use-sync-external-store|tslib)[\\/]/;
/** The pages' own shared code: the API client, the dictionaries, formatting. */
const SHARED_START = /[\\/]web[\\/]src[\\/]shared[\\/]/;
/** What the member page starts with of its own: its modules and antd-mobile with the libraries only antd-mobile uses. */
const MEMBER_START =
  /([\\/]node_modules[\\/](antd-mobile|antd-mobile-icons|ahooks|@use-gesture|@react-spring|rc-field-form|rc-util|@floating-ui|runes2|deepmerge|async-validator)[\\/]|[\\/]web[\\/]src[\\/]member[\\/])/;

/**
 * Two pages in one build: the console (/console, antd) and the member page (/m, antd-mobile).
 * Output in dist/web (served by src/modules/web): console/index.html, m/index.html and the
 * hashed scripts and styles under /web/assets. No inline scripts (the CSP forbids them).
 * Each screen of either page is a lazy chunk; antd (console) and antd-mobile (member page) are never in the other
 * page's chunks. web/scripts/check-budgets.ts holds the pages' initial scripts to their budgets (what each built
 * index.html loads, and their static imports, from the manifest).
 */
export default defineConfig({
  root: here('.'),
  base: '/web/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    manifest: true,
    outDir: here('../dist/web'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      input: { console: here('console/index.html'), m: here('m/index.html') },
      output: {
        codeSplitting: {
          groups: [
            // The first load in as few files as the bundler allows: on a phone's slow network every file is a
            // request, a browser sends at most six at a time to a host over HTTP/1.1, and each request waits a round
            // trip (562.5 ms on Chromium's slow 4G). Split by the bundler's defaults, /m started with 9 scripts and 2
            // styles, so part of them waited for a second round; now it is 4 scripts and 1 style (with the page):
            // one chunk both pages share, and the member page's start-up modules in one chunk (only those it loads
            // at once, '$initial'; its screens stay lazy; its dependencies are not pulled in after them, which would
            // take the bundler's preload helper the console needs too).
            { name: 'common', test: (id: string) => SHARED_VENDOR.test(id) || SHARED_START.test(id), priority: 20 },
            { name: 'm-start', tags: ['$initial'], test: MEMBER_START, includeDependenciesRecursively: false },
            // ECharts only with the screens that draw charts (and none of their small shared modules with it).
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
      // antd marks its modules "use client" (for React Server Components); meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
