import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The live OpenAPI document through two third-party linters, as an integrator's tooling would run them: Redocly CLI
 * with redocly.yaml (its `recommended` rules) and Spectral with .spectral.yaml (`spectral:oas`). Both must report
 * nothing: no error, no warning.
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
        timeout: 50_000,
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

async function redocly(file: string): Promise<Problem[]> {
  const result = await run(join(BIN, 'redocly'), ['lint', '--config', 'redocly.yaml', '--format', 'json', file]);
  const report = parsed<{
    totals: { errors: number; warnings: number };
    problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer?: string }> }>;
  }>('redocly', result);
  return report.problems
    .filter((p) => p.severity === 'error' || p.severity === 'warn')
    .map((p) => ({ linter: 'redocly', rule: p.ruleId, severity: p.severity, message: p.message, at: p.location[0]?.pointer ?? '' }));
}

const SPECTRAL_SEVERITY = ['error', 'warn', 'info', 'hint'];

async function spectral(file: string): Promise<Problem[]> {
  const result = await run(join(BIN, 'spectral'), ['lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet', file]);
  const report = parsed<Array<{ code: string; severity: number; message: string; path: string[] }>>('spectral', result);
  return report
    .filter((p) => p.severity <= 1)
    .map((p) => ({
      linter: 'spectral',
      rule: p.code,
      severity: SPECTRAL_SEVERITY[p.severity],
      message: p.message,
      at: p.path.join(' > '),
    }));
}

function listed(problems: Problem[]): string {
  return problems.map((p) => `${p.linter} ${p.severity} ${p.rule}: ${p.message} at ${p.at}`).join('\n');
}

let t: TestApp;
let dir: string;
let file: string;

beforeAll(async () => {
  t = await startTestApp();
  dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify((await t.http.get('/docs-json').expect(200)).body));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('the live OpenAPI document passes third-party linters', () => {
  it('Redocly (recommended) and Spectral (spectral:oas) report no error and no warning', async () => {
    const [fromRedocly, fromSpectral] = await Promise.all([redocly(file), spectral(file)]);
    const problems = [...fromRedocly, ...fromSpectral];
    expect({ count: problems.length, problems: listed(problems) }).toEqual({ count: 0, problems: '' });
  });
});
