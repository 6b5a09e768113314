/**
 * The pages' weight budgets, checked after `vite build` (npm run build:web runs it; a failure fails the build).
 * From Vite's manifest (dist/web/.vite/manifest.json): a page's initial scripts are its entry and every chunk it
 * imports statically (what index.html loads and modulepreloads); each screen's lazy chunk adds its own static imports
 * not already loaded. Sizes are those sent: the .br file the server sends to browsers that accept Brotli (the build
 * writes it, web/vite.config.mts), the raw file when there is none (compression would not make it smaller); gzip and raw for the table.
 * Prints a table and exits 1 when a page's initial scripts are over budget.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Budgets of initial JavaScript, in KiB as sent (Brotli). */
export const BUDGETS_KIB: Record<string, number> = { 'm/index.html': 150, 'console/index.html': 300 };

/** The manifest keys of a chunk and of everything it imports statically, transitively (the chunk first). */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) {
    return seen;
  }
  if (!manifest[key]) {
    throw new Error(`the manifest has no chunk ${key}`);
  }
  seen.add(key);
  for (const next of manifest[key].imports ?? []) {
    staticClosure(manifest, next, seen);
  }
  return seen;
}

/**
 * Each lazy chunk an entry can reach (its screens, and the screens within them), with the chunks opening it adds to
 * those already loaded on the way there (the page's initial chunks, then those of the screen it is opened from).
 */
export function screenClosures(manifest: Manifest, initial: Set<string>): Array<{ screen: string; keys: string[] }> {
  const out: Array<{ screen: string; keys: string[] }> = [];
  const visit = (from: Iterable<string>, loaded: Set<string>) => {
    for (const key of from) {
      for (const screen of manifest[key].dynamicImports ?? []) {
        if (loaded.has(screen) || out.some((o) => o.screen === screen)) {
          continue;
        }
        const added = [...staticClosure(manifest, screen)].filter((k) => !loaded.has(k));
        out.push({ screen, keys: added });
        visit(added, new Set([...loaded, ...added]));
      }
    }
  };
  visit(initial, initial);
  return out;
}

/**
 * A page's initial chunks: the scripts its built index.html loads and preloads, and what they import statically. Read
 * from the page itself because the bundler may leave no entry chunk of its own (when the page's start-up modules are
 * grouped into one chunk, index.html loads that chunk directly).
 */
export function initialChunks(manifest: Manifest, html: string): Set<string> {
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const keys = new Set<string>();
  for (const [, file] of html.matchAll(/(?:src|href)="\/web\/(assets\/[^"]+\.js)"/g)) {
    const key = byFile.get(file);
    if (!key) {
      throw new Error(`the manifest has no chunk for ${file}`);
    }
    staticClosure(manifest, key, keys);
  }
  return keys;
}

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

function fileSizes(dir: string, file: string): Sizes {
  const path = join(dir, file);
  const raw = statSync(path).size;
  const sent = (suffix: string) => (existsSync(path + suffix) ? statSync(path + suffix).size : raw);
  return { raw, gzip: sent('.gz'), brotli: sent('.br') };
}

export function sizesOf(dir: string, manifest: Manifest, keys: Iterable<string>): Sizes {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const key of keys) {
    const s = fileSizes(dir, manifest[key].file);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  return total;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);

function main(): void {
  const dir = join(__dirname, '..', '..', 'dist', 'web');
  const manifestPath = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) {
    process.stderr.write(`no ${manifestPath}: run npm run build:web first\n`);
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const lines = [`${'initial JavaScript (KiB)'.padEnd(44)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'br'.padStart(8)}  budget (br)`];
  const over: string[] = [];
  for (const [entry, budget] of Object.entries(BUDGETS_KIB)) {
    const initial = initialChunks(manifest, readFileSync(join(dir, entry), 'utf8'));
    const s = sizesOf(dir, manifest, initial);
    const ok = s.brotli <= budget * 1024;
    if (!ok) {
      over.push(`${entry}: ${(s.brotli / 1024).toFixed(1)} KiB > ${budget} KiB`);
    }
    lines.push(`${entry.padEnd(44)}${kib(s.raw)}${kib(s.gzip)}${kib(s.brotli)}  ${budget} ${ok ? 'ok' : 'OVER'}`);
    for (const { screen, keys } of screenClosures(manifest, initial)) {
      const extra = sizesOf(dir, manifest, keys);
      lines.push(`  + ${screen.replace(/^src\//, '')}`.padEnd(44) + `${kib(extra.raw)}${kib(extra.gzip)}${kib(extra.brotli)}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (over.length > 0) {
    process.stderr.write(`over budget: ${over.join('; ')}\n`);
    process.exit(1);
  }
}

if (require.main === module) {
  main();
}
