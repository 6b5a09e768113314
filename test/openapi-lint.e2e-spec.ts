import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWorkerBuilt } from './support/worker-process';

/**
 * The live OpenAPI document through two third-party linters, as an integrator's tooling would run them: Redocly CLI
 * with redocly.yaml (its `recommended` rules) and Spectral with .spectral.yaml (`spectral:oas`). Both must report
 * nothing: no error, no warning, on the document the built app serves and on the one the sources give.
 */

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');

interface Problem {
  linter: 'redocly' | 'spectral';
  rule: string;
  severity: string;
  message: string;
  at: string;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a linter; both exit non-zero when they find problems, so the exit code alone is not a failure here. */
function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        // Spectral takes about 15 s per document on an idle 2-core machine; a loaded one needs more.
        timeout: 150_000,
        // No usage reports or update checks from the test run.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function parsed<T>(linter: string, result: Run): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`${linter} did not answer JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Problems are reported with the file they are in: built.json or sources.json. */
function source(path: string | undefined): string {
  return basename(path ?? '?', '.json');
}

/** One run per file: with several, Redocly prints one JSON report after another. */
async function redocly(files: string[]): Promise<Problem[]> {
  return (await Promise.all(files.map(redoclyOne))).flat();
}

async function redoclyOne(file: string): Promise<Problem[]> {
  const result = await run(join(BIN, 'redocly'), ['lint', '--config', 'redocly.yaml', '--format', 'json', file]);
  const report = parsed<{
    problems: Array<{
      ruleId: string;
      severity: string;
      message: string;
      location: Array<{ pointer?: string; source?: { ref?: string } }>;
    }>;
  }>('redocly', result);
  return report.problems
    .filter((p) => p.severity === 'error' || p.severity === 'warn')
    .map((p) => ({
      linter: 'redocly',
      rule: p.ruleId,
      severity: p.severity,
      message: p.message,
      at: `${source(p.location[0]?.source?.ref)} ${p.location[0]?.pointer ?? ''}`,
    }));
}

const SPECTRAL_SEVERITY = ['error', 'warn', 'info', 'hint'];

async function spectral(files: string[]): Promise<Problem[]> {
  const result = await run(join(BIN, 'spectral'), ['lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet', ...files]);
  const report = parsed<Array<{ code: string; severity: number; message: string; path: string[]; source?: string }>>('spectral', result);
  return report
    .filter((p) => p.severity <= 1)
    .map((p) => ({
      linter: 'spectral',
      rule: p.code,
      severity: SPECTRAL_SEVERITY[p.severity],
      message: p.message,
      at: `${source(p.source)} ${p.path.join(' > ')}`,
    }));
}

function listed(problems: Problem[]): string {
  return problems.map((p) => `${p.linter} ${p.severity} ${p.rule}: ${p.message} at ${p.at}`).join('\n');
}

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(doc: Json): Array<{ method: (typeof METHODS)[number]; path: string; op: Json }> {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, op: item[method] as Json })),
  );
}

let t: TestApp;
let built: INestApplication;
let doc: Json;
let dir: string;
let files: string[];

beforeAll(async () => {
  // The app as `npm start` runs it: dist/ from nest build, whose swagger plugin adds to the document (types,
  // class-validator limits and patterns, comments). Built here when older than the sources (about a minute).
  ensureWorkerBuilt();
  const { createApiApp } = (await import(join(ROOT, 'dist', 'src', 'bootstrap'))) as typeof import('../src/bootstrap');
  built = await createApiApp({ logger: false });
  await built.init();
  // The app from the sources, as every other e2e suite and `npm run web:api` (the console's typed client) see it.
  t = await startTestApp();
  doc = (await t.http.get('/docs-json').expect(200)).body as Json;
  dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  files = [join(dir, 'built.json'), join(dir, 'sources.json')];
  writeFileSync(files[0], JSON.stringify((await request(built.getHttpServer()).get('/docs-json').expect(200)).body));
  writeFileSync(files[1], JSON.stringify(doc));
}, 240_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await built?.close();
  await t?.close();
});

describe('the live OpenAPI document passes third-party linters', () => {
  it('Redocly (recommended) and Spectral (spectral:oas) report no error and no warning, on the built app and on the sources', async () => {
    const [fromRedocly, fromSpectral] = await Promise.all([redocly(files), spectral(files)]);
    const problems = [...fromRedocly, ...fromSpectral];
    expect({ count: problems.length, problems: listed(problems) }).toEqual({ count: 0, problems: '' });
  }, 180_000);

  it('a route the document marks security: [] answers without credentials, and every other route answers 401 without them', async () => {
    const answers: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      // Guards run before validation, so a placeholder path parameter and an empty body reach no handler on a guarded route.
      const res = await t.http[method](path.replace(/\{[^}]+\}/g, '1')).send(method === 'get' ? undefined : {});
      const open = Array.isArray(op.security) && op.security.length === 0;
      answers.push(`${method.toUpperCase()} ${path} ${open ? 'open' : 'guarded'} ${res.status === 401 ? '401' : 'not 401'}`);
    }
    const wrong = answers.filter((line) => line.endsWith('open 401') || line.endsWith('guarded not 401'));
    const kinds = new Set(answers.map((line) => line.split(' ')[2]));
    expect({ kinds: [...kinds].sort(), wrong }).toEqual({ kinds: ['guarded', 'open'], wrong: [] });
  });

  it('each 4xx a health route documents is what it answers to a body it cannot read', async () => {
    const bodies: Record<string, (req: ReturnType<TestApp['http']['get']>) => ReturnType<TestApp['http']['get']>> = {
      VALIDATION_FAILED: (req) => req.set('Content-Type', 'application/json').send('{"not json'),
      PAYLOAD_TOO_LARGE: (req) => req.set('Content-Type', 'application/json').send(JSON.stringify({ filler: 'x'.repeat(200_000) })),
      UNSUPPORTED_MEDIA_TYPE: (req) => req.set('Content-Type', 'text/plain').send('ping'),
    };
    const health = operations(doc).filter(({ op }) => (op.tags as string[]).includes('health'));
    expect(health.map(({ path }) => path).sort()).toEqual(['/health', '/health/live', '/health/ready']);
    for (const { path, op } of health) {
      const documented = Object.entries(op.responses as Json).filter(([status]) => status.startsWith('4'));
      expect({ path, documented: documented.length }).toEqual({ path, documented: 3 });
      for (const [status, response] of documented) {
        const [code] = response.content['application/json'].schema.allOf[1].properties.code.enum as string[];
        const res = await bodies[code](t.http.get(path));
        expect({ path, code, status: res.status, answered: res.body.code }).toEqual({ path, code, status: Number(status), answered: code });
      }
    }
  });
});
