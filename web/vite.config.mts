import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two pages in one build: the console (/console, antd) and the member page (/m, antd-mobile).
 * Output in dist/web (served by src/modules/web): console/index.html, m/index.html and the
 * hashed scripts and styles under /web/assets. No inline scripts (the CSP forbids them).
 */
export default defineConfig({
  root: here('.'),
  base: '/web/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      input: { console: here('console/index.html'), m: here('m/index.html') },
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
